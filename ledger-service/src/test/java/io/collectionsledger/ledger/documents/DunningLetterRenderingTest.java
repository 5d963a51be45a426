package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.dossier.ContractOnFile;
import io.collectionsledger.contracts.shared.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A dunning letter's template rendered from a model without the service: its text as pdftotext reads it, and its bytes. */
class DunningLetterRenderingTest {

    private static final Instant KNOWN_AT = Instant.parse("2026-11-24T02:00:00Z");
    private static PdfRenderer renderer;

    @BeforeAll
    static void renderer() {
        renderer = new PdfRenderer();
    }

    @Test
    void theChineseLetterStatesEveryAmountInFiguresAndTheTotalInCapitalsForACompanyNameOutsideGb2312() {
        byte[] pdf = render(DocumentLanguage.ZH_CN).pdf();

        String text = Poppler.text(pdf);
        assertThat(text).contains("华昇堃喆建材有限公司", "催款函", "L-001", "2026-11-24", "2026-11-24T02:00:00Z")
                .contains("60,000.00", "1,230.50", "61,230.50", "10,005.05", "0.00", "71,235.55")
                .contains("人民币柒万壹仟贰佰叁拾伍元伍角伍分")
                .contains("上海市浦东新区人民法院", "0.05%", "30%");
    }

    @Test
    void theEnglishLetterSaysTheSameInEnglish() {
        String text = Poppler.text(render(DocumentLanguage.EN).pdf());

        assertThat(text).contains("Demand for Payment", "华昇堃喆建材有限公司", "61,230.50", "71,235.55", "reserved")
                .doesNotContain("人民币柒万");
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        RenderedDocument first = render(DocumentLanguage.ZH_CN);
        RenderedDocument second = render(DocumentLanguage.ZH_CN);

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.pdf()).isEqualTo(first.pdf());
        assertThat(first.templateVersion()).startsWith("dunning-letter@");
    }

    @Test
    void aPageIsNotBlank() throws Exception {
        Path png = Files.createTempFile("letter", ".png");
        try {
            double inked = Poppler.inked(Poppler.firstPage(render(DocumentLanguage.ZH_CN).pdf(), 50, png));
            assertThat(inked).isGreaterThan(0.01);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private static RenderedDocument render(DocumentLanguage language) {
        ContractOnFile contract = new ContractOnFile("K-2026-001", LocalDate.parse("2026-05-01"),
                List.of(new PaymentTerm("ADV", new BigDecimal("30"), PaymentTerm.Trigger.ADVANCE, 0),
                        new PaymentTerm("ACC", new BigDecimal("70"), PaymentTerm.Trigger.ON_ACCEPTANCE, 30)),
                new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), true),
                new DisputeClause(DisputeClause.Forum.LITIGATION, "上海市浦东新区人民法院"), "K-2026-001.pdf");
        DunningLetterDraft letter = new DunningLetterDraft("L-001", LocalDate.parse("2026-11-24"), KNOWN_AT, 1,
                Party.blank("sender"),
                new Party("recipient", "华昇堃喆建材有限公司", "91310115MA1K4XYZ2B", null, null, null, null, null, null),
                List.of(new DunningLetterDraft.Debt("INV-001", "ACC", "K-2026-001", LocalDate.parse("2026-09-01"), 84,
                                cny("60000.00"), cny("1230.50"), cny("61230.50")),
                        new DunningLetterDraft.Debt("INV-002", "ADV", "K-2026-001", LocalDate.parse("2026-11-01"), 23,
                                cny("10005.05"), cny("0.00"), cny("10005.05"))),
                cny("70005.05"), cny("1230.50"), cny("71235.55"), List.of(contract), LocalDate.parse("2026-12-04"), cny("0.00"));
        List<String> missing = List.of("sender.name", "sender.postalAddress", "recipient.postalAddress", "recipient.contactPerson");
        return renderer.render(DocumentTemplate.DUNNING_LETTER, language, Map.of("letter", letter, "missing", missing), "催款函 L-001", KNOWN_AT,
                "test", "letter.pdf", missing);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
