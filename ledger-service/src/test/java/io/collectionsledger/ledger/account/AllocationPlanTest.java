package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.contracts.receivable.Allocation.Component.COLLECTION_COSTS;
import static io.collectionsledger.contracts.receivable.Allocation.Component.LATE_FEES;
import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/** Civil Code art. 561: within one debt, the costs of collecting it first, then late fees, then principal. */
class AllocationPlanTest {

    @Test
    void withinADebtCostsComeFirstThenLateFeesThenPrincipal() {
        OpenTerm term = new OpenTerm("INV-1", "T1", LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-01"), cny("100.00"));
        term.reopen(new Allocation("INV-1", "T1", LATE_FEES, cny("10.00")), LocalDate.parse("2026-10-15"));
        term.reopen(new Allocation("INV-1", "T1", COLLECTION_COSTS, cny("5.00")), LocalDate.parse("2026-10-15"));

        List<Allocation> allocations = new AllocationPlan(List.of(term), "CNY", LocalDate.parse("2026-11-01")).allocate(cny("50.00"), null);

        assertThat(allocations).containsExactly(
                new Allocation("INV-1", "T1", COLLECTION_COSTS, cny("5.00")),
                new Allocation("INV-1", "T1", LATE_FEES, cny("10.00")),
                new Allocation("INV-1", "T1", PRINCIPAL, cny("35.00")));
    }

    @Test
    void amongDebtsTheOneDueFirstIsPaidFirstWhateverItsComponents() {
        OpenTerm later = new OpenTerm("INV-2", "T1", LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-01"), cny("100.00"));
        later.reopen(new Allocation("INV-2", "T1", LATE_FEES, cny("10.00")), LocalDate.parse("2026-10-15"));
        OpenTerm earlier = new OpenTerm("INV-1", "T1", LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-01"), cny("100.00"));

        List<Allocation> allocations = new AllocationPlan(List.of(later, earlier), "CNY", LocalDate.parse("2026-11-01")).allocate(cny("105.00"), null);

        assertThat(allocations).containsExactly(
                new Allocation("INV-1", "T1", PRINCIPAL, cny("100.00")),
                new Allocation("INV-2", "T1", LATE_FEES, cny("5.00")));
    }

    /** A receivable issued after the money's date was no debt then: those of its date first, later ones as they were issued. */
    @Test
    void moneyMeetsTheDebtsOfItsDateFirstThenLaterOnesInTheOrderTheyWereIssued() {
        OpenTerm existing = new OpenTerm("INV-1", "T1", LocalDate.parse("2026-08-01"), LocalDate.parse("2026-12-01"), cny("100.00"));
        OpenTerm issuedSecond = new OpenTerm("INV-3", "T1", LocalDate.parse("2026-09-20"), LocalDate.parse("2026-09-25"), cny("100.00"));
        OpenTerm issuedFirst = new OpenTerm("INV-2", "T1", LocalDate.parse("2026-09-11"), LocalDate.parse("2026-10-01"), cny("100.00"));
        OpenTerm sameDay = new OpenTerm("INV-4", "T1", LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-31"), cny("100.00"));

        List<Allocation> allocations = new AllocationPlan(List.of(issuedSecond, issuedFirst, sameDay, existing), "CNY",
                LocalDate.parse("2026-09-01")).allocate(cny("400.00"), null);

        assertThat(allocations).extracting(Allocation::invoiceId).containsExactly("INV-1", "INV-4", "INV-2", "INV-3");
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
