package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.shared.Money;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the documents are written in, chosen by the request's {@code Accept-Language}.
 * Simplified Chinese is the documents' own language (the debts are Chinese, and so are the courts
 * they may reach): it is what a request that names neither gets.
 */
public enum DocumentLanguage {
    ZH_CN("zh-CN"),
    EN("en");

    private static final List<String> TAGS = List.of("zh-CN", "en");

    private final String tag;

    DocumentLanguage(String tag) {
        this.tag = tag;
    }

    /** The first language of the header's preference list the documents are written in; zh-CN when none is. */
    static DocumentLanguage of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH_CN;
        }
        List<String> matches;
        try {
            matches = Locale.filterTags(Locale.LanguageRange.parse(acceptLanguage), TAGS);
        } catch (IllegalArgumentException unreadable) {
            return ZH_CN;
        }
        return matches.isEmpty() || matches.get(0).equalsIgnoreCase("zh-CN") ? ZH_CN : EN;
    }

    /** The language a tag names exactly (zh-CN or en, in any case), as a document's Content-Language gave it back. */
    static Optional<DocumentLanguage> exactly(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equalsIgnoreCase(tag)).findFirst();
    }

    static List<String> tags() {
        return TAGS;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public boolean chinese() {
        return this == ZH_CN;
    }

    /** An amount as figures with its currency, e.g. CNY 125,000.00: exact, grouped by thousands, in the currency's decimals. */
    public String money(Money money) {
        return money.currency() + " " + figures(money);
    }

    /** The figures alone, e.g. 125,000.00. */
    public String figures(Money money) {
        return String.format(Locale.ROOT, "%,." + money.amount().scale() + "f", money.amount());
    }

    /** The amount in Chinese capital numerals, e.g. 人民币壹拾贰万伍仟元整. */
    public String capitals(Money money) {
        return ChineseCapitalAmount.of(money);
    }
}
