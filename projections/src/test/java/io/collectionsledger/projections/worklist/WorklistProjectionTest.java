package io.collectionsledger.projections.worklist;

import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.EarlyWarningFlagged;
import io.collectionsledger.contracts.collection.EarlyWarningSignal;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.worklist.CollectionWorklist;
import io.collectionsledger.contracts.worklist.CollectionWorklistQuery;
import io.collectionsledger.contracts.worklist.NextAction.Kind;
import io.collectionsledger.contracts.worklist.WorklistEntry;
import io.collectionsledger.contracts.worklist.WorklistStage;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/** The collection worklist fed events directly, on a real PostgreSQL: stages, limitation, ranking and the edges of issue 4. */
class WorklistProjectionTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static DataSource dataSource;

    WorklistProjection projection;
    EventFeed feed;
    String collector;
    String customer;

    @BeforeAll
    static void migrate() {
        dataSource = FreshDatabase.withReadModels();
    }

    @BeforeEach
    void setUp() {
        projection = new WorklistProjection(new JdbcTemplate(dataSource));
        feed = new EventFeed(projection);
        collector = "col-" + UUID.randomUUID().toString().substring(0, 8);
        customer = customer("main", ReminderTier.B);
    }

    @ParameterizedTest(name = "due {0} days before the worklist: {1}, {2}")
    @CsvSource({"0, PRE_DUE, FRIENDLY_REMINDER", "1, DPD_1_30, PHONE_EMAIL_SMS", "30, DPD_1_30, PHONE_EMAIL_SMS",
            "31, DPD_31_90, VISIT_WITH_DUNNING_LETTER", "90, DPD_31_90, VISIT_WITH_DUNNING_LETTER",
            "91, DPD_91_PLUS, SUE_WITH_PRESERVATION"})
    void eachStageBoundaryDayFallsInItsStage(int daysPastDue, WorklistStage stage, Kind action) {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(daysPastDue));

        WorklistEntry entry = only();

        assertThat(entry.stage()).isEqualTo(stage);
        assertThat(entry.daysPastDue()).isEqualTo(Math.max(0, daysPastDue));
        assertThat(entry.nextAction().kind()).isEqualTo(action);
        assertThat(entry.nextAction().on()).isEqualTo(AS_OF);
    }

    @Test
    void beforeDueEachTierIsRemindedOnItsOwnDayAndOnlyWithinTheGoldenWindow() {
        String strategic = customer("A", ReminderTier.A);
        String small = customer("C", ReminderTier.C);
        String later = customer("later", ReminderTier.C);
        issue(strategic, "INV-1", "500000.00", "CNY", AS_OF.plusDays(10));
        issue(small, "INV-1", "2000.00", "CNY", AS_OF.plusDays(5));
        issue(later, "INV-1", "2000.00", "CNY", AS_OF.plusDays(16));

        List<WorklistEntry> entries = list().customers();

        assertThat(entries).extracting(WorklistEntry::customerId).containsExactly(strategic, small);
        assertThat(entries.get(0).nextAction().kind()).isEqualTo(Kind.SENIOR_CONTACT_CALL);
        assertThat(entries.get(0).nextAction().on()).isEqualTo(AS_OF.plusDays(3));
        assertThat(entries.get(1).nextAction().kind()).isEqualTo(Kind.SMS_REMINDER);
        assertThat(entries.get(1).nextAction().on()).as("ten days before has passed: today").isEqualTo(AS_OF);
        assertThat(entries.get(1).stage()).isEqualTo(WorklistStage.PRE_DUE);
        assertThat(entries.get(1).tier()).isEqualTo(ReminderTier.C);
    }

    @Test
    void aCustomerWithoutACollectorIsRemindedAsTierBAndListedWhenNoCollectorIsAsked() {
        String unassigned = "C-" + UUID.randomUUID();
        at(new CustomerRegistered(unassigned, "Unassigned Co.", null, LocalDate.parse("2026-01-05"), CreditFile.empty()), NOW);
        issue(unassigned, "INV-1", "100.00", "CNY", AS_OF.plusDays(3));

        WorklistEntry entry = projection.handle(new CollectionWorklistQuery(AS_OF, NOW, null, 1000)).customers().stream()
                .filter(e -> e.customerId().equals(unassigned)).findFirst().orElseThrow();

        assertThat(entry.collector()).isNull();
        assertThat(entry.name()).isEqualTo("Unassigned Co.");
        assertThat(entry.nextAction().kind()).isEqualTo(Kind.FRIENDLY_REMINDER);
        assertThat(entry.nextAction().on()).isEqualTo(AS_OF);
    }

    @Test
    void stagedTermsTakeTheStageOfTheOldestOverdueTermAndOpenCountsThemAll() {
        at(new InvoiceIssued(customer, "INV-1", "K-1", LocalDate.parse("2026-06-01"), cny("1000.00"), List.of(
                new InvoiceTerm("ADV", cny("300.00"), LocalDate.parse("2026-06-01")),
                new InvoiceTerm("ACC", cny("600.00"), AS_OF.minusDays(40)),
                new InvoiceTerm("WAR", cny("100.00"), LocalDate.parse("2027-06-01"))), List.of(), null), NOW);
        at(payment(customer, "P-1", "2026-06-01", "300.00", List.of(new Allocation("INV-1", "ADV", PRINCIPAL, cny("300.00")))), NOW);

        WorklistEntry entry = only();

        assertThat(entry.stage()).isEqualTo(WorklistStage.DPD_31_90);
        assertThat(entry.oldestOverdueDueDate()).isEqualTo(AS_OF.minusDays(40));
        assertThat(entry.open()).containsExactly(cny("700.00"));
        assertThat(entry.overdue()).containsExactly(cny("600.00"));
        assertThat(entry.nextDueDate()).isEqualTo(LocalDate.parse("2027-06-01"));
    }

    @Test
    void partialPaymentsAcrossInvoicesLeaveTheOldestStillOpenTermToSetTheStage() {
        issue(customer, "INV-1", "300.00", "CNY", AS_OF.minusDays(100));
        issue(customer, "INV-2", "500.00", "CNY", AS_OF.minusDays(20));
        at(payment(customer, "P-1", "2026-11-20", "400.00", List.of(principal("INV-1", "300.00"), principal("INV-2", "100.00"))), NOW);

        WorklistEntry entry = only();

        assertThat(entry.open()).containsExactly(cny("400.00"));
        assertThat(entry.stage()).isEqualTo(WorklistStage.DPD_1_30);
        assertThat(entry.limitationRestartedBy()).isEqualTo("payment P-1 on 2026-11-20");
        assertThat(entry.limitationDate()).isEqualTo(LocalDate.parse("2029-11-20"));
    }

    @Test
    void theLimitationPeriodRunsThreeYearsFromTheDueDateAndANearEndIsUrgentWhateverTheAmount() {
        String small = customer("small", ReminderTier.C);
        String large = customer("large", ReminderTier.A);
        issue(small, "INV-1", "50.00", "CNY", LocalDate.parse("2023-12-20"));
        issue(large, "INV-1", "900000.00", "CNY", AS_OF.minusDays(200));

        List<WorklistEntry> entries = list().customers();

        assertThat(entries).extracting(WorklistEntry::customerId).containsExactly(small, large);
        WorklistEntry urgent = entries.get(0);
        assertThat(urgent.limitationDate()).isEqualTo(LocalDate.parse("2026-12-20"));
        assertThat(urgent.limitationTerm()).isEqualTo("INV-1/T1");
        assertThat(urgent.limitationRestartedBy()).isNull();
        assertThat(urgent.priority().limitation()).isEqualTo(200);
        assertThat(urgent.nextAction().kind()).isEqualTo(Kind.RESTART_LIMITATION);
        assertThat(urgent.nextAction().detail()).contains("INV-1/T1", "2026-12-20");
    }

    @Test
    void aReversedPaymentRestartsNothingFromItsReversalOn() {
        issue(customer, "INV-1", "1000.00", "CNY", LocalDate.parse("2023-12-01"));
        at(payment(customer, "P-1", "2024-06-01", "100.00", List.of(principal("INV-1", "100.00"))), NOW);
        Instant reversalRecorded = NOW.plusSeconds(60);
        at(new PaymentReversed(customer, "P-1", LocalDate.parse("2024-06-10"), "cheque returned unpaid", cny("100.00"),
                List.of(principal("INV-1", "100.00")), cny("0.00")), reversalRecorded);

        WorklistEntry known = only(AS_OF, reversalRecorded);
        WorklistEntry before = only(AS_OF, NOW);
        WorklistEntry inBetween = only(LocalDate.parse("2024-06-05"), reversalRecorded);

        assertThat(known.open()).containsExactly(cny("1000.00"));
        assertThat(known.limitationDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(known.nextAction().kind()).isEqualTo(Kind.RESTART_LIMITATION);
        assertThat(before.open()).containsExactly(cny("900.00"));
        assertThat(before.limitationDate()).isEqualTo(LocalDate.parse("2027-06-01"));
        assertThat(inBetween.limitationRestartedBy()).isEqualTo("payment P-1 on 2024-06-01");
    }

    @Test
    void aDeliveredDunningLetterAConfirmedStatementAPromiseAndALawsuitEachRestartThePeriod() {
        issue(customer, "INV-1", "1000.00", "CNY", LocalDate.parse("2023-01-10"));
        issue(customer, "INV-2", "1000.00", "CNY", LocalDate.parse("2023-02-10"));
        at(new DunningLetterSent(customer, "L-1", LocalDate.parse("2024-03-01"), 1, List.of("INV-1"), cny("1000.00"), null,
                LocalDate.parse("2024-03-15"), true, "EMS", "EMS-1", "L-1.pdf", null, null), NOW);
        assertThat(only(LocalDate.parse("2024-03-05"), NOW).limitationDate()).as("sent, not yet delivered").isEqualTo(LocalDate.parse("2026-01-10"));

        at(new DunningLetterDelivered(customer, "L-1", LocalDate.parse("2024-03-03"), "front desk", "EMS-1-proof.pdf"), NOW);
        assertThat(only(LocalDate.parse("2024-03-05"), NOW).limitationTerm()).isEqualTo("INV-2/T1");

        at(new ReconciliationStatementConfirmed(customer, "S-1", LocalDate.parse("2024-05-01"), LocalDate.parse("2024-04-30"),
                cny("2000.00"), cny("2000.00"), "Li Na", "S-1.pdf"), NOW);
        at(new PaymentPromiseRecorded(customer, "PR-1", LocalDate.parse("2024-07-01"), cny("500.00"), LocalDate.parse("2024-07-31"),
                RecordPaymentPromise.Form.WRITTEN, collector, List.of("INV-2"), "PR-1.pdf"), NOW);
        at(new LawsuitFiled(customer, "CASE-1", LocalDate.parse("2024-09-01"), DisputeClause.Forum.LITIGATION, "Pudong court",
                List.of("INV-1"), cny("1000.00"), true, "complaint.pdf"), NOW);

        WorklistEntry entry = only(LocalDate.parse("2024-10-01"), NOW);

        assertThat(entry.limitationTerm()).isEqualTo("INV-2/T1");
        assertThat(entry.limitationRestartedBy()).isEqualTo("payment promise PR-1 on 2024-07-01");
        assertThat(entry.limitationDate()).isEqualTo(LocalDate.parse("2027-07-01"));
        assertThat(only(LocalDate.parse("2024-06-01"), NOW).limitationRestartedBy()).isEqualTo("reconciliation statement S-1 on 2024-05-01");
        assertThat(entry.openCases()).containsExactly("CASE-1");
        assertThat(entry.nextAction().kind()).isEqualTo(Kind.FOLLOW_LAWSUIT);
    }

    @Test
    void pastTheLimitationDateTheDebtMustFirstBeAcknowledged() {
        issue(customer, "INV-1", "1000.00", "CNY", LocalDate.parse("2023-11-01"));

        WorklistEntry entry = only();

        assertThat(entry.limitationDate()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(entry.priority().limitation()).isZero();
        assertThat(entry.nextAction().kind()).isEqualTo(Kind.GET_DEBT_ACKNOWLEDGED);
    }

    @Test
    void aDeliveredDunningLetterMovesThe31To90StageOnToTheLawyersLetterOrMediation() {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(45));
        at(new DunningLetterSent(customer, "L-1", AS_OF.minusDays(10), 1, List.of("INV-1"), cny("1000.00"), null,
                AS_OF.minusDays(3), true, "EMS", "EMS-1", "L-1.pdf", null, null), NOW);
        at(new DunningLetterDelivered(customer, "L-1", AS_OF.minusDays(8), "front desk", "proof.pdf"), NOW);

        assertThat(only().nextAction().kind()).isEqualTo(Kind.LAWYERS_LETTER_OR_MEDIATION);
        assertThat(only(AS_OF.minusDays(9), NOW).nextAction().kind()).isEqualTo(Kind.VISIT_WITH_DUNNING_LETTER);
    }

    @Test
    void aClosedCaseIsNoLongerFollowed() {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(200));
        at(new LawsuitFiled(customer, "CASE-1", AS_OF.minusDays(60), DisputeClause.Forum.LITIGATION, "Pudong court",
                List.of("INV-1"), cny("1000.00"), true, "complaint.pdf"), NOW);
        at(new LegalStepRecorded(customer, "CASE-1", "S-1", AS_OF.minusDays(5), LegalStep.CASE_CLOSED, null, "withdrawn", null), NOW);

        assertThat(only(AS_OF.minusDays(6), NOW).nextAction().kind()).isEqualTo(Kind.FOLLOW_LAWSUIT);
        assertThat(only().openCases()).isEmpty();
        assertThat(only().nextAction().kind()).isEqualTo(Kind.SUE_WITH_PRESERVATION);
    }

    @Test
    void aCreditNoteReducesWhatIsOpenAndOneThatClearsItTakesTheCustomerOff() {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(10));
        at(new CreditNoteIssued(customer, "INV-1", "CN-1", AS_OF.minusDays(5), cny("400.00"), "returned",
                List.of(principal("INV-1", "400.00"))), NOW);
        assertThat(only().open()).containsExactly(cny("600.00"));

        at(new CreditNoteIssued(customer, "INV-1", "CN-2", AS_OF.minusDays(1), cny("600.00"), "returned",
                List.of(principal("INV-1", "600.00"))), NOW);
        assertThat(list().customers()).isEmpty();
    }

    @Test
    void anOverdueAmountAllDisputedIsNotDunnedButTheDisputeSettledAndOnceResolvedTheStageDecidesAgain() {
        at(new InvoiceIssued(customer, "INV-1", null, AS_OF.minusDays(80), cny("1000.00"), List.of(
                new InvoiceTerm("T1", cny("600.00"), AS_OF.minusDays(40)),
                new InvoiceTerm("T2", cny("400.00"), AS_OF.plusDays(10))), List.of(), null), NOW);
        at(new DisputeRaised(customer, "DSP-1", AS_OF.minusDays(30), "INV-1", cny("1000.00"), DisputeReason.QUALITY, "cracks"), NOW);
        at(new DisputeResolved(customer, "DSP-1", AS_OF.minusDays(2), "INV-1", cny("1000.00"), ResolveDispute.Resolution.REJECTED,
                "cracks from handling on site"), NOW);

        WorklistEntry during = only(AS_OF.minusDays(3), NOW);
        WorklistEntry after = only();

        assertThat(during.disputed()).containsExactly(cny("1000.00"));
        assertThat(during.open()).containsExactly(cny("1000.00"));
        assertThat(during.stage()).as("a disputed amount still ages").isEqualTo(WorklistStage.DPD_31_90);
        assertThat(during.nextAction().kind()).isEqualTo(Kind.RESOLVE_DISPUTE);
        assertThat(after.disputed()).isEmpty();
        assertThat(after.nextAction().kind()).isEqualTo(Kind.VISIT_WITH_DUNNING_LETTER);
    }

    @Test
    void aDisputeTakesTheLatestDueAmountsFirstSoWhatIsOverdueMayStillBeDunned() {
        at(new InvoiceIssued(customer, "INV-1", null, AS_OF.minusDays(80), cny("1000.00"), List.of(
                new InvoiceTerm("T1", cny("600.00"), AS_OF.minusDays(40)),
                new InvoiceTerm("T2", cny("400.00"), AS_OF.plusDays(10))), List.of(), null), NOW);
        at(new DisputeRaised(customer, "DSP-1", AS_OF.minusDays(30), "INV-1", cny("500.00"), DisputeReason.PRICE, "discount"), NOW);

        WorklistEntry entry = only();

        assertThat(entry.disputed()).containsExactly(cny("500.00"));
        assertThat(entry.nextAction().kind()).isEqualTo(Kind.VISIT_WITH_DUNNING_LETTER);
    }

    @Test
    void twoCurrenciesAreListedApartAndTheLargerCountsForTheAmount() {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(10));
        issue(customer, "INV-2", "100000.00", "USD", AS_OF.minusDays(5));

        WorklistEntry entry = only();

        assertThat(entry.open()).containsExactly(cny("1000.00"), Money.of("100000.00", "USD"));
        assertThat(entry.priority().amount()).isEqualTo(50);
    }

    @Test
    void brokenPromisesWarningsAndOrderHoldsRaiseThePriorityOfOtherwiseEqualCustomers() {
        String watched = customer("watched", ReminderTier.B);
        String quiet = customer("quiet", ReminderTier.B);
        issue(watched, "INV-1", "1000.00", "CNY", AS_OF.minusDays(40));
        issue(quiet, "INV-1", "1000.00", "CNY", AS_OF.minusDays(40));
        at(new PaymentPromiseBroken(watched, "PR-1", AS_OF.minusDays(20), cny("500.00"), cny("0.00"), cny("500.00")), NOW);
        at(new PaymentPromisePartiallyKept(watched, "PR-2", AS_OF.minusDays(10), cny("500.00"), cny("100.00"), cny("400.00")), NOW);
        at(new PaymentPromiseOutcomeCorrected(watched, "PR-2", AS_OF.minusDays(2), PromiseOutcome.PARTIALLY_KEPT, PromiseOutcome.KEPT,
                cny("500.00"), cny("0.00"), "P-9"), NOW);
        at(new EarlyWarningFlagged(watched, "W-1", AS_OF.minusDays(3), EarlyWarningSignal.RELOCATION, "moving to Anhui"), NOW);
        at(new EarlyWarningFlagged(watched, "W-2", AS_OF.minusDays(2), EarlyWarningSignal.RELOCATION, "confirmed"), NOW);
        at(new OrdersHeld(watched, AS_OF.minusDays(24), "INV-1", "T1", 16), NOW);

        List<WorklistEntry> entries = list().customers();

        assertThat(entries).extracting(WorklistEntry::customerId).containsExactly(watched, quiet);
        WorklistEntry first = entries.get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.brokenPromises()).as("PR-2 corrected to kept").isEqualTo(1);
        assertThat(first.earlyWarnings()).containsExactly(EarlyWarningSignal.RELOCATION);
        assertThat(first.ordersHeld()).isEqualTo(1);
        assertThat(first.priority().total() - entries.get(1).priority().total()).isEqualTo(15 + 20 + 10);
        assertThat(only(AS_OF.minusDays(5), NOW, watched).brokenPromises()).as("before the correction").isEqualTo(2);
    }

    @Test
    void aWithdrawnHoldNoLongerRaisesThePriorityOnceTheWithdrawalIsRecorded() {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(40));
        at(new OrdersHeld(customer, AS_OF.minusDays(24), "INV-1", "T1", 16), NOW);
        int held = only().priority().total();
        Instant recordedLater = NOW.plusSeconds(3600);

        at(new OrdersHoldWithdrawn(customer, AS_OF.minusDays(24), null, "a payment keyed in late was dated before it"), recordedLater);

        assertThat(only(AS_OF, recordedLater).ordersHeld()).isZero();
        assertThat(only(AS_OF, recordedLater).priority().total()).isEqualTo(held - 10);
        assertThat(only(AS_OF.minusDays(24), recordedLater).ordersHeld()).as("not even on its first day").isZero();
        assertThat(only(AS_OF, NOW).ordersHeld()).as("known before the withdrawal").isEqualTo(1);
    }

    @Test
    void theListIsFilteredByCollectorAndCutAtTheLimit() {
        String other = customer("other", ReminderTier.B);
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(10));
        issue(other, "INV-1", "1000.00", "CNY", AS_OF.minusDays(20));
        at(new CollectorAssigned(other, AS_OF.minusDays(1), "someone-else", ReminderTier.B), NOW);

        assertThat(list().customers()).extracting(WorklistEntry::customerId).containsExactly(customer);
        assertThat(only(AS_OF.minusDays(2), NOW, other).collector()).isEqualTo(collector);
        assertThat(projection.handle(new CollectionWorklistQuery(AS_OF.minusDays(2), NOW, collector, 1)).customers()).hasSize(1);
    }

    @Test
    void anInvoiceIssuedAfterTheDateDoesNotCountAndABackdatedPaymentCountsOnlyAsKnownFromItsRecording() {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(40));
        Instant recordedLater = NOW.plusSeconds(3600);
        at(payment(customer, "P-1", AS_OF.minusDays(35).toString(), "1000.00", List.of(principal("INV-1", "1000.00"))), recordedLater);

        assertThat(list(AS_OF.minusDays(71), NOW).customers()).as("issued 70 days before").isEmpty();
        assertThat(only(AS_OF, NOW).stage()).isEqualTo(WorklistStage.DPD_31_90);
        assertThat(list(AS_OF, recordedLater).customers()).isEmpty();
    }

    @Test
    void aWrittenOffReceivableLeavesTheWorklist() {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(400));
        at(new ReceivableWrittenOff(customer, "INV-1", "WO-1", AS_OF.minusDays(1), cny("1000.00"), "insolvent",
                List.of(principal("INV-1", "1000.00"))), NOW);

        assertThat(list().customers()).isEmpty();
    }

    /**
     * What is open and overdue owes the late fees accrued since the last recorded day, worked out by hand:
     * 12,345.67 at 0.05 % a day is 6.172835 a day; 31 days to 31 October were recorded (191.357885 ->
     * 191.36); a credit note leaves 10,000.00 (5.00 a day) from 11 November.
     */
    @Test
    void theAmountsOweTheLateFeesAccruedSinceTheLastRecordedDay() {
        Instant later = NOW.plusSeconds(3600);
        feeBearingInvoice("12345.67");
        at(new LateFeesAccrued(customer, LocalDate.parse("2026-10-31"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("191.36"), 31, LocalDate.parse("2026-10-31"), false))), NOW);
        at(new CreditNoteIssued(customer, "INV-1", "CN-1", LocalDate.parse("2026-11-11"), cny("2345.67"), "short delivery",
                List.of(principal("INV-1", "2345.67"))), later);

        // 10 x 6.172835 + 14 x 5.00 = 131.72835 -> 131.73
        WorklistEntry entry = only(AS_OF, later);
        assertThat(entry.open()).containsExactly(cny("10323.09"));
        assertThat(entry.overdue()).containsExactly(cny("10323.09"));
        assertThat(entry.priority().amount()).isEqualTo(40);
        // as of 15 November: 10 x 6.172835 + 5 x 5.00 = 86.72835 -> 86.73
        assertThat(only(LocalDate.parse("2026-11-15"), later).open()).containsExactly(cny("10278.09"));
        // as known before the credit note: 24 x 6.172835 = 148.14804 -> 148.15 on 12,345.67
        assertThat(only(AS_OF, NOW).open()).containsExactly(cny("12685.18"));
        // on the last recorded day nothing more is owed than was recorded
        assertThat(only(LocalDate.parse("2026-10-31"), later).open()).containsExactly(cny("12537.03"));
    }

    /** Fixed through 10 November (41 days: 253.086235 -> 253.09), then written off but 2,345.67: nothing accrues after. */
    @Test
    void aPartlyWrittenOffInvoiceAccruesNoFeesAfterItsWriteOff() {
        feeBearingInvoice("12345.67");
        at(new LateFeesAccrued(customer, LocalDate.parse("2026-11-10"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("253.09"), 41, LocalDate.parse("2026-11-10"), false))), NOW);
        at(new ReceivableWrittenOff(customer, "INV-1", "WO-1", LocalDate.parse("2026-11-10"), cny("10000.00"), "insolvent",
                List.of(principal("INV-1", "10000.00"))), NOW);

        assertThat(only().open()).containsExactly(cny("2598.76"));
        // the day before: 40 days, 246.9134 -> 246.91 on the whole principal
        assertThat(only(LocalDate.parse("2026-11-09"), NOW).open()).containsExactly(cny("12592.58"));
    }

    /**
     * A dispute of the whole principal leaves the fees accrued on it (55 days, 339.505925 -> 339.51) overdue and
     * dunned, as it leaves fees recorded: the dispute names an amount, and takes it from the invoice's open amounts.
     */
    @Test
    void accruedFeesAreOverdueBesideADisputedPrincipal() {
        feeBearingInvoice("12345.67");
        at(new DisputeRaised(customer, "DSP-1", LocalDate.parse("2026-10-05"), "INV-1", cny("12345.67"), DisputeReason.QUALITY, "cracked"), NOW);

        WorklistEntry entry = only();

        assertThat(entry.open()).containsExactly(cny("12685.18"));
        assertThat(entry.disputed()).containsExactly(cny("12345.67"));
        assertThat(entry.nextAction().kind()).isEqualTo(Kind.VISIT_WITH_DUNNING_LETTER);
    }

    @Test
    void aResetEmptiesTheReadModelForARebuild() {
        issue(customer, "INV-1", "1000.00", "CNY", AS_OF.minusDays(10));

        feed.reset();

        assertThat(list().customers()).isEmpty();
    }

    private CollectionWorklist list() {
        return list(AS_OF, NOW);
    }

    private CollectionWorklist list(LocalDate asOf, Instant knownAt) {
        return projection.handle(new CollectionWorklistQuery(asOf, knownAt, collector, 100));
    }

    private WorklistEntry only() {
        return only(AS_OF, NOW);
    }

    private WorklistEntry only(LocalDate asOf, Instant knownAt) {
        return only(asOf, knownAt, customer);
    }

    private WorklistEntry only(LocalDate asOf, Instant knownAt, String customerId) {
        return projection.handle(new CollectionWorklistQuery(asOf, knownAt, null, 1000)).customers().stream()
                .filter(e -> e.customerId().equals(customerId)).findFirst().orElseThrow();
    }

    /** A registered customer of this test's collector. */
    private String customer(String name, ReminderTier tier) {
        String id = "C-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        at(new CustomerRegistered(id, name + " Co.", null, LocalDate.parse("2020-01-05"), CreditFile.empty()), NOW);
        at(new CollectorAssigned(id, LocalDate.parse("2020-01-05"), collector, tier), NOW);
        return id;
    }

    private void issue(String customerId, String invoiceId, String amount, String currency, LocalDate due) {
        Money money = Money.of(amount, currency);
        at(new InvoiceIssued(customerId, invoiceId, null, due.minusDays(30), money, List.of(new InvoiceTerm("T1", money, due)),
                List.of(), null), NOW);
    }

    /** The main customer's INV-1 under contract K-1 (0.05 % a day, capped at 10 % of the principal), due on 30 September. */
    private void feeBearingInvoice(String amount) {
        at(new ContractRecorded(customer, "K-1", LocalDate.parse("2026-01-01"), List.of(), List.of(),
                new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("10"), false), null, null), NOW);
        at(new InvoiceIssued(customer, "INV-1", "K-1", LocalDate.parse("2026-08-31"), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), LocalDate.parse("2026-09-30"))), List.of(), null), NOW);
    }

    private static PaymentRecorded payment(String customerId, String id, String on, String amount, List<Allocation> allocations) {
        return new PaymentRecorded(customerId, id, LocalDate.parse(on), cny(amount), RecordPayment.Method.BANK_TRANSFER, null,
                allocations, cny("0.00"));
    }

    /** Feeds one event as the processor would, recorded at the given time. */
    void at(AccountEvent event, Instant recordedAt) {
        feed.feed(event, recordedAt);
    }

    static Allocation principal(String invoiceId, String amount) {
        return new Allocation(invoiceId, "T1", PRINCIPAL, cny(amount));
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
