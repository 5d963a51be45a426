package io.collectionsledger.ledger.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One customer's history, and what the collections rules make of it as of any day, folded here day by
 * day from domain.md §3 alone: no class of the service is called. Invoices have one term; each payment
 * pays one invoice; the credit limit is set once before everything; rules at their defaults (no grace,
 * 15 days to a hold, three early payments raise the limit by 15 %, the legal cap on late fees 15.4 % a
 * year).
 *
 * <p>An invoice under a contract with late-fee terms bears late fees. For its term, due on {@code due},
 * with principal {@code p}, the contract's daily rate {@code r} (percent a day) and cap {@code k} (percent
 * of the principal), and the legal cap {@code R} (percent a year):
 * <ul>
 *   <li>{@code P(d)}, the principal open at the end of day {@code d}, is {@code p} less the principal paid by
 *       the payments dated on or before {@code d};</li>
 *   <li>exactly, with no rounding, {@code f(due) = 0} and, for each day after due,
 *       {@code f(d) = min(f(d-1) + P(d)·r/100, p·k/100, L(d))}, where the legal line {@code L(d)} sums
 *       {@code P(j)·R/36500} over the days {@code due < j <= d};</li>
 *   <li>the fees owed through {@code d} are {@code f(d)} rounded once, half up, to cents;</li>
 *   <li>a payment dated {@code D} pays first the fees owed through {@code D-1} and not paid by the payments
 *       dated before it, then principal;</li>
 *   <li>what is open at the end of {@code d} is {@code P(d)} plus the fees owed through {@code d} less the fees
 *       paid by the payments dated on or before {@code d}.</li>
 * </ul>
 */
record CustomerHistory(LocalDate today, BigDecimal openingLimit, List<Contract> contracts, List<Invoice> invoices, List<Payment> payments,
                       List<Promise> promises) {

    /** The legal cap on late fees, percent a year on the principal overdue each day: four times the one-year Loan Prime Rate of 3.85 %. */
    static final BigDecimal LEGAL_CAP_PERCENT_A_YEAR = new BigDecimal("15.4");

    /** A history whose invoices name no contract, so bear no late fees. */
    CustomerHistory(LocalDate today, BigDecimal openingLimit, List<Invoice> invoices, List<Payment> payments, List<Promise> promises) {
        this(today, openingLimit, List.of(), invoices, payments, promises);
    }

    /** A contract's late-payment liability: a daily rate on the overdue principal, capped at a share of the principal. */
    record Contract(String id, BigDecimal dailyRatePercent, BigDecimal capPercentOfPrincipal) {
    }

    /** An invoice with one term; under the contract it names (none: null) it bears late fees. */
    record Invoice(String id, String contractId, LocalDate issuedOn, LocalDate dueOn, BigDecimal amount) {

        Invoice(String id, LocalDate issuedOn, LocalDate dueOn, BigDecimal amount) {
            this(id, null, issuedOn, dueOn, amount);
        }
    }

    record Payment(String id, LocalDate paidOn, String invoiceId, BigDecimal amount) {
    }

    record Promise(String id, LocalDate recordedOn, BigDecimal amount, LocalDate promisedDate) {
    }

    /**
     * What the rules make of the history at the end of one day: what is open on each invoice (late fees
     * owed and not paid included), the late fees owed through the day on each invoice that bears them, the
     * stage each invoice has entered, whether new orders are held, the credit limit, the promises' outcomes.
     */
    record AsOf(Map<String, BigDecimal> open, Map<String, BigDecimal> fees, Map<String, Integer> stage, boolean held, BigDecimal limit,
                Map<String, String> outcomes) {
    }

    static final int[] STAGE_FIRST_DAYS = {1, 31, 91};
    static final String[] STAGES = {"DPD_1_30", "DPD_31_90", "DPD_91_PLUS"};

    /** The state at the end of each month from the first fact's month through today's, day by day. */
    Map<LocalDate, AsOf> monthEnds() {
        return new Fold(day -> day.equals(YearMonth.from(day).atEndOfMonth()) || day.equals(today)).through(today).states;
    }

    /** What is open on the invoice at the end of {@code day}: nothing before it is issued. */
    BigDecimal openOn(String invoiceId, LocalDate day) {
        return new Fold(none -> false).through(day).open().getOrDefault(invoiceId, BigDecimal.ZERO);
    }

    /** The late fees of each invoice that bears them, as the days through {@code day} left them. */
    Map<String, InvoiceFees> lateFeesThrough(LocalDate day) {
        return new Fold(none -> false).through(day).fees;
    }

    Invoice invoice(String id) {
        return invoices.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    Contract contract(String id) {
        return contracts.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The rules applied day by day from the first fact, with the state kept at the end of the days asked for. */
    private final class Fold {

        private final Predicate<LocalDate> kept;
        private final Map<String, BigDecimal> openWithoutFees = new LinkedHashMap<>();
        private final Map<String, InvoiceFees> fees = new TreeMap<>();
        private final Map<String, Integer> stage = new TreeMap<>();
        private boolean held;
        private BigDecimal limit = openingLimit;
        private int earlyRun;
        private final Map<String, String> outcomes = new TreeMap<>();
        private final Map<LocalDate, AsOf> states = new TreeMap<>();

        private Fold(Predicate<LocalDate> kept) {
            this.kept = kept;
        }

        private Fold through(LocalDate last) {
            LocalDate first = Stream.concat(invoices.stream().map(Invoice::issuedOn), promises.stream().map(Promise::recordedOn))
                    .min(Comparator.naturalOrder()).orElse(last);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                endOf(day);
            }
            return this;
        }

        private void endOf(LocalDate day) {
            for (Invoice invoice : invoices) {
                if (invoice.issuedOn().equals(day)) {
                    if (invoice.contractId() == null) {
                        openWithoutFees.put(invoice.id(), invoice.amount());
                    } else {
                        fees.put(invoice.id(), new InvoiceFees(invoice, contract(invoice.contractId())));
                    }
                }
            }
            for (Payment payment : payments) {
                if (payment.paidOn().equals(day)) {
                    pay(payment, day);
                }
            }
            fees.values().forEach(invoiceFees -> invoiceFees.accrueOn(day));
            Map<String, BigDecimal> open = open();
            held = false;
            for (Invoice invoice : invoices) {
                BigDecimal left = open.getOrDefault(invoice.id(), BigDecimal.ZERO);
                long pastDue = invoice.dueOn().until(day, ChronoUnit.DAYS);
                for (int s = 0; s < STAGES.length; s++) {
                    if (pastDue == STAGE_FIRST_DAYS[s] && left.signum() > 0) {
                        stage.put(invoice.id(), s);
                    }
                }
                held |= pastDue > 15 && left.signum() > 0;
            }
            for (Promise promise : promises) {
                if (promise.promisedDate().plusDays(1).equals(day)) {
                    BigDecimal received = payments.stream()
                            .filter(p -> !p.paidOn().isBefore(promise.recordedOn()) && !p.paidOn().isAfter(promise.promisedDate()))
                            .map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    outcomes.put(promise.id(), received.compareTo(promise.amount()) >= 0 ? "KEPT" : received.signum() > 0 ? "PARTIALLY_KEPT" : "BROKEN");
                }
            }
            if (kept.test(day)) {
                Map<String, BigDecimal> owed = new TreeMap<>();
                fees.forEach((id, invoiceFees) -> owed.put(id, invoiceFees.owed()));
                states.put(day, new AsOf(open, owed, new TreeMap<>(stage), held, limit.setScale(2), new TreeMap<>(outcomes)));
            }
        }

        private void pay(Payment payment, LocalDate day) {
            InvoiceFees invoiceFees = fees.get(payment.invoiceId());
            if (invoiceFees == null) {
                openWithoutFees.merge(payment.invoiceId(), payment.amount().negate(), BigDecimal::add);
            } else {
                invoiceFees.pay(payment);
            }
            boolean early = invoice(payment.invoiceId()).dueOn().isAfter(day);
            earlyRun = early ? earlyRun + 1 : 0;
            if (earlyRun == 3) {
                limit = limit.multiply(new BigDecimal("1.15")).setScale(2, RoundingMode.HALF_UP);
                earlyRun = 0;
            }
        }

        private Map<String, BigDecimal> open() {
            Map<String, BigDecimal> open = new TreeMap<>();
            openWithoutFees.forEach((id, amount) -> open.put(id, amount.setScale(2)));
            fees.forEach((id, invoiceFees) -> open.put(id, invoiceFees.open().setScale(2)));
            return open;
        }
    }

    /**
     * The principal and late fees of one invoice under a contract with late-fee terms, by the rules in the
     * class comment. Fees are carried times 36,500 (percent times days a year), so that the rates' division by
     * 100 and the legal cap's by 365 are exact and nothing rounds before the fees owed.
     */
    static final class InvoiceFees {

        private static final BigDecimal PERCENT_DAYS_A_YEAR = BigDecimal.valueOf(36500);
        private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);

        private final Invoice invoice;
        private final Contract contract;
        private BigDecimal principalOpen;
        /** f, times 36,500. */
        private BigDecimal exact = BigDecimal.ZERO;
        /** L, times 36,500. */
        private BigDecimal legalLine = BigDecimal.ZERO;
        private BigDecimal paid = BigDecimal.ZERO;
        private final Map<String, BigDecimal> paidBy = new TreeMap<>();
        private LocalDate contractCapReachedOn;
        private LocalDate legalCapHeldOn;

        private InvoiceFees(Invoice invoice, Contract contract) {
            this.invoice = invoice;
            this.contract = contract;
            this.principalOpen = invoice.amount();
        }

        /** A payment of the day: the fees owed through the day before and not yet paid first, then principal. */
        private void pay(Payment payment) {
            BigDecimal fees = payment.amount().min(owed().subtract(paid).max(BigDecimal.ZERO));
            paid = paid.add(fees);
            paidBy.put(payment.id(), fees);
            principalOpen = principalOpen.subtract(payment.amount().subtract(fees)).max(BigDecimal.ZERO);
        }

        /** From the day after due, the day's fee on the principal open at its end, within the contract's cap and the legal line. */
        private void accrueOn(LocalDate day) {
            if (!day.isAfter(invoice.dueOn())) {
                return;
            }
            BigDecimal contractCap = invoice.amount().multiply(contract.capPercentOfPrincipal()).multiply(DAYS_A_YEAR);
            BigDecimal uncapped = exact.add(principalOpen.multiply(contract.dailyRatePercent()).multiply(DAYS_A_YEAR));
            legalLine = legalLine.add(principalOpen.multiply(LEGAL_CAP_PERCENT_A_YEAR));
            if (legalCapHeldOn == null && legalLine.compareTo(uncapped.min(contractCap)) < 0) {
                legalCapHeldOn = day;
            }
            exact = uncapped.min(contractCap).min(legalLine);
            if (contractCapReachedOn == null && exact.compareTo(contractCap) == 0 && contractCap.signum() > 0) {
                contractCapReachedOn = day;
            }
        }

        /** The fees owed through the day: the exact fees rounded once, half up, to cents. */
        BigDecimal owed() {
            return exact.divide(PERCENT_DAYS_A_YEAR, 2, RoundingMode.HALF_UP);
        }

        BigDecimal open() {
            return principalOpen.add(owed()).subtract(paid);
        }

        BigDecimal principalOpen() {
            return principalOpen;
        }

        /** What each payment of the invoice paid of its fees. */
        Map<String, BigDecimal> paidBy() {
            return paidBy;
        }

        /** The first day the fees reached the contract's cap; null if they did not. */
        LocalDate contractCapReachedOn() {
            return contractCapReachedOn;
        }

        /** The first day the legal line held the fees below both the day's fee and the contract's cap; null if it never did. */
        LocalDate legalCapHeldOn() {
            return legalCapHeldOn;
        }
    }
}
