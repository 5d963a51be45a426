package io.collectionsledger.contracts.dunning;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A formal written demand (催款函): the amount demanded including late fees, a deadline, all
 * rights reserved, sent by tracked courier. It may not demand what the customer disputes.
 * <p>
 * A letter the ledger made names its {@code draft}: the ledger renders it again from the same
 * inputs, sends it only if the bytes are the draft's, and keeps them; {@code documentRef} may then
 * be left out. A letter made elsewhere is recorded by its {@code documentRef} alone.
 */
public record SendDunningLetter(
        @TargetAggregateIdentifier String customerId,
        String letterId,
        LocalDate occurredOn,
        int level,
        List<String> invoiceIds,
        Money amountDemanded,
        Money lateFeesDemanded,
        LocalDate deadline,
        boolean rightsReserved,
        String courier,
        String waybill,
        String documentRef,
        Draft draft) implements AccountCommand {

    /**
     * The draft the ledger made of this letter: its business date, the time its facts were known
     * at, its language, the SHA-256 (hex) of its bytes and the template's version, all as the
     * draft's answer named them (Ledger-As-Of, Ledger-Known-At, Content-Language,
     * Ledger-Document-Sha256, Ledger-Template-Version). The letter id, the deadline and the
     * currency (of {@code amountDemanded}) are the command's own.
     */
    public record Draft(LocalDate asOf, Instant knownAt, String language, String sha256, String templateVersion) {

        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        public Draft {
            Require.date(asOf, "draft.asOf");
            Require.present(knownAt, "draft.knownAt");
            Require.text(language, "draft.language", Require.SHORT_TEXT);
            Require.present(sha256, "draft.sha256");
            if (!SHA256.matcher(sha256).matches()) {
                throw new InvalidValue("draft.sha256", "must be 64 lower-case hex digits, as Ledger-Document-Sha256 gives them");
            }
            Require.text(templateVersion, "draft.templateVersion", Require.SHORT_TEXT);
        }

        /** How the letter's events refer to the bytes the ledger keeps of it. */
        public String documentRef() {
            return "sha256:" + sha256;
        }
    }

    public SendDunningLetter {
        Require.id(customerId, "customerId");
        Require.id(letterId, "letterId");
        Require.date(occurredOn, "occurredOn");
        if (level < 1 || level > 3) {
            throw new InvalidValue("level", "must be 1, 2 or 3");
        }
        invoiceIds = Require.nonEmptyList(invoiceIds, "invoiceIds");
        Require.distinct(invoiceIds, id -> id, "invoiceIds");
        Require.positive(amountDemanded, "amountDemanded");
        Require.present(lateFeesDemanded, "lateFeesDemanded");
        Require.date(deadline, "deadline");
        if (deadline.isBefore(occurredOn)) {
            throw new InvalidValue("deadline", "must not be before the letter is sent");
        }
        Require.text(courier, "courier", Require.SHORT_TEXT);
        Require.text(waybill, "waybill", Require.SHORT_TEXT);
        if (draft == null) {
            Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
        } else {
            if (documentRef != null && !documentRef.equals(draft.documentRef())) {
                throw new InvalidValue("documentRef", "a letter the ledger made is referred to as " + draft.documentRef() + "; leave it out");
            }
            documentRef = draft.documentRef();
            if (draft.asOf().isAfter(occurredOn)) {
                throw new InvalidValue("draft.asOf", "must not be after the letter is sent");
            }
        }
    }
}
