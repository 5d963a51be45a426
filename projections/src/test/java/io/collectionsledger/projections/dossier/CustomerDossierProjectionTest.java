package io.collectionsledger.projections.dossier;

import io.collectionsledger.contracts.collection.Channel;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.ContactOutcome;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.customer.CorrespondenceAddressRecorded;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.dossier.CustomerDossier;
import io.collectionsledger.contracts.dossier.CustomerDossierQuery;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.party.LedgerPartyQuery;
import io.collectionsledger.contracts.party.LedgerPartyRecorded;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dossier read model, fed events through Axon's handler adapter and queried, on a real PostgreSQL; no Spring context. */
class CustomerDossierProjectionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private static DataSource dataSource;
    private CustomerDossierProjection projection;
    private EventFeed events;
    private String customer;

    @BeforeAll
    static void migrate() {
        dataSource = FreshDatabase.withReadModels();
    }

    @BeforeEach
    void setUp() {
        projection = new CustomerDossierProjection(new JdbcTemplate(dataSource));
        events = new EventFeed(projection);
        customer = "C-" + UUID.randomUUID();
    }

    @Test
    void theDossierNamesTheCustomerAndQuotesItsContractsClauses() {
        events.feed(new CustomerRegistered(customer, "华昇堃喆建材有限公司", "91310115MA1K4XYZ2B", LocalDate.parse("2026-01-05"), CreditFile.empty()), NOW);
        events.feed(new ContractRecorded(customer, "K-1", LocalDate.parse("2026-02-01"), List.of(),
                List.of(new PaymentTerm("ADV", new BigDecimal("30"), PaymentTerm.Trigger.ADVANCE, 0),
                        new PaymentTerm("ACC", new BigDecimal("70"), PaymentTerm.Trigger.ON_ACCEPTANCE, 30)),
                new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), true),
                new DisputeClause(DisputeClause.Forum.LITIGATION, "上海市浦东新区人民法院"), "K-1.pdf"), NOW);
        events.feed(new ContractRecorded(customer, "K-2", LocalDate.parse("2026-03-01"), List.of(), List.of(), null, null, null), NOW);

        CustomerDossier dossier = projection.handle(new CustomerDossierQuery(customer, TODAY, NOW));

        assertThat(dossier.name()).isEqualTo("华昇堃喆建材有限公司");
        assertThat(dossier.registrationNumber()).isEqualTo("91310115MA1K4XYZ2B");
        assertThat(dossier.contracts()).hasSize(2);
        assertThat(dossier.contracts().get(0).paymentTerms()).extracting(PaymentTerm::termId, PaymentTerm::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ADV", 0), org.assertj.core.groups.Tuple.tuple("ACC", 30));
        assertThat(dossier.contracts().get(0).lateFees()).isEqualTo(new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), true));
        assertThat(dossier.contracts().get(0).disputeClause().body()).isEqualTo("上海市浦东新区人民法院");
        assertThat(dossier.contracts().get(1).lateFees()).isNull();
        assertThat(dossier.contracts().get(1).disputeClause()).isNull();
        assertThat(projection.handle(new CustomerDossierQuery(customer, LocalDate.parse("2026-01-04"), NOW)))
                .as("not registered yet").isNull();
    }

    @Test
    void contactsLettersAndPromisesAreOnFileAsTheyWereKnownOnTheDate() {
        events.feed(new CustomerRegistered(customer, "Hengda", null, LocalDate.parse("2026-01-05"), CreditFile.empty()), NOW);
        events.feed(new ContactAttemptLogged(customer, "CT-1", LocalDate.parse("2026-10-01"), "collector-li", Channel.PHONE, "Zhang Min",
                ContactOutcome.PROMISE_OBTAINED, null, null, "call-1"), NOW);
        events.feed(new PaymentPromiseRecorded(customer, "PR-1", LocalDate.parse("2026-10-01"), Money.of("200.00", "CNY"),
                LocalDate.parse("2026-10-10"), RecordPaymentPromise.Form.WRITTEN, "collector-li", List.of("INV-1"), "PR-1.pdf"), NOW);
        events.feed(new PaymentPromiseBroken(customer, "PR-1", LocalDate.parse("2026-10-11"), Money.of("200.00", "CNY"),
                Money.of("0.00", "CNY"), Money.of("200.00", "CNY")), NOW);
        events.feed(new DunningLetterSent(customer, "L-1", LocalDate.parse("2026-11-01"), 2, List.of("INV-1"), Money.of("1000.00", "CNY"),
                Money.of("15.00", "CNY"), LocalDate.parse("2026-11-15"), true, "EMS", "EA1CN", "L-1.pdf", null, null), NOW);
        events.feed(new DunningLetterDelivered(customer, "L-1", LocalDate.parse("2026-11-03"), "front desk", "proof-1"), NOW.plusSeconds(60));

        CustomerDossier now = projection.handle(new CustomerDossierQuery(customer, TODAY, NOW.plusSeconds(60)));
        CustomerDossier known = projection.handle(new CustomerDossierQuery(customer, TODAY, NOW));
        CustomerDossier before = projection.handle(new CustomerDossierQuery(customer, LocalDate.parse("2026-10-05"), NOW));

        assertThat(now.contacts()).singleElement().satisfies(contact -> assertThat(contact.recordingRef()).isEqualTo("call-1"));
        assertThat(now.letters()).singleElement().satisfies(letter -> {
            assertThat(letter.amountDemanded()).isEqualTo(Money.of("1000.00", "CNY"));
            assertThat(letter.deliveredOn()).isEqualTo(LocalDate.parse("2026-11-03"));
        });
        assertThat(known.letters().get(0).deliveredOn()).as("the proof was recorded later").isNull();
        assertThat(now.promises()).singleElement().satisfies(promise -> {
            assertThat(promise.outcome()).isEqualTo(PromiseOutcome.BROKEN);
            assertThat(promise.received()).isEqualTo(Money.of("0.00", "CNY"));
        });
        assertThat(before.promises()).singleElement().satisfies(promise -> assertThat(promise.outcome()).as("not judged yet").isNull());
        assertThat(before.letters()).isEmpty();
    }

    @Test
    void aLetterGoesToTheAddressInForceOnItsDateAsKnownThen() {
        events.feed(new CustomerRegistered(customer, "Hengda", null, LocalDate.parse("2026-01-05"), CreditFile.empty()), NOW);
        events.feed(new CorrespondenceAddressRecorded(customer, LocalDate.parse("2026-02-01"), "上海市浦东新区张江路 88 号", "201203", "Zhang San",
                null), NOW);
        events.feed(new CorrespondenceAddressRecorded(customer, LocalDate.parse("2026-10-01"), "北京市朝阳区建国路 1 号", "100022", "Li Si",
                "+86 10 5555 0101"), NOW.plusSeconds(60));

        assertThat(projection.handle(new CustomerDossierQuery(customer, LocalDate.parse("2026-01-31"), NOW)).correspondenceAddress())
                .as("none in force yet").isNull();
        assertThat(projection.handle(new CustomerDossierQuery(customer, LocalDate.parse("2026-09-30"), NOW.plusSeconds(60)))
                .correspondenceAddress().contactPerson()).isEqualTo("Zhang San");
        assertThat(projection.handle(new CustomerDossierQuery(customer, TODAY, NOW)).correspondenceAddress().contactPerson())
                .as("the move was recorded later").isEqualTo("Zhang San");
        assertThat(projection.handle(new CustomerDossierQuery(customer, TODAY, NOW.plusSeconds(60))).correspondenceAddress())
                .satisfies(address -> {
                    assertThat(address.postalAddress()).isEqualTo("北京市朝阳区建国路 1 号");
                    assertThat(address.since()).isEqualTo(LocalDate.parse("2026-10-01"));
                    assertThat(address.recordedAt()).isEqualTo(NOW.plusSeconds(60));
                    assertThat(address.contactPhone()).isEqualTo("+86 10 5555 0101");
                });
    }

    @Test
    void aLetterIsSentByTheLedgersOwnPartyAsItWasRecordedForTheLettersDate() {
        events.feed(new LedgerPartyRecorded(LocalDate.parse("2026-01-01"), "上海某某建材集团有限公司", "91310000MA1FL0002Y",
                "上海市黄浦区中山东一路 1 号", "200002", "中国工商银行上海分行", "1001 2345 6789 0000 123"), NOW);
        events.feed(new LedgerPartyRecorded(LocalDate.parse("2026-11-01"), "上海某某建材集团有限公司", "91310000MA1FL0002Y",
                "上海市浦东新区世纪大道 100 号", "200120", "中国工商银行上海分行", "1001 2345 6789 0000 123"), NOW.plusSeconds(60));

        assertThat(projection.handle(new LedgerPartyQuery(LocalDate.parse("2025-12-31"), NOW))).as("not recorded yet").isNull();
        assertThat(projection.handle(new LedgerPartyQuery(LocalDate.parse("2026-10-31"), NOW.plusSeconds(60))).postalAddress())
                .isEqualTo("上海市黄浦区中山东一路 1 号");
        assertThat(projection.handle(new LedgerPartyQuery(TODAY, NOW)).postalAddress()).as("the move was recorded later")
                .isEqualTo("上海市黄浦区中山东一路 1 号");
        assertThat(projection.handle(new LedgerPartyQuery(TODAY, NOW.plusSeconds(60)))).satisfies(party -> {
            assertThat(party.postalAddress()).isEqualTo("上海市浦东新区世纪大道 100 号");
            assertThat(party.since()).isEqualTo(LocalDate.parse("2026-11-01"));
            assertThat(party.bankAccount()).isEqualTo("1001 2345 6789 0000 123");
        });
    }
}
