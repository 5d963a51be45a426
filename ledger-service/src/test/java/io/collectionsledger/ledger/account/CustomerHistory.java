package io.collectionsledger.ledger.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's history, and what the collections rules make of it as of any day, folded here day by
 * day from domain.md §3 alone: no class of the service is called. Invoices have one term and no
 * late-fee terms (fees are left out of the comparison); each payment pays one invoice; the credit
 * limit is set once before everything; rules at their defaults (no grace, 15 days to a hold, three
 * early payments raise the limit by 15 %).
 */
record CustomerHistory(LocalDate today, BigDecimal openingLimit, List<Invoice> invoices, List<Payment> payments, List<Promise> promises) {

    record Invoice(String id, LocalDate issuedOn, LocalDate dueOn, BigDecimal amount) {
    }

    record Payment(String id, LocalDate paidOn, String invoiceId, BigDecimal amount) {
    }

    record Promise(String id, LocalDate recordedOn, BigDecimal amount, LocalDate promisedDate) {
    }

    /** What the rules make of the history at the end of one day. */
    record AsOf(Map<String, BigDecimal> open, Map<String, Integer> stage, boolean held, BigDecimal limit, Map<String, String> outcomes) {
    }

    static final int[] STAGE_FIRST_DAYS = {1, 31, 91};
    static final String[] STAGES = {"DPD_1_30", "DPD_31_90", "DPD_91_PLUS"};

    /** The state at the end of each month from the first fact's month through today's, day by day. */
    Map<LocalDate, AsOf> monthEnds() {
        LocalDate first = java.util.stream.Stream.concat(invoices.stream().map(Invoice::issuedOn), promises.stream().map(Promise::recordedOn))
                .min(Comparator.naturalOrder()).orElse(today);
        Map<String, BigDecimal> open = new LinkedHashMap<>();
        Map<String, Integer> stage = new TreeMap<>();
        boolean held = false;
        BigDecimal limit = openingLimit;
        int run = 0;
        Map<String, String> outcomes = new TreeMap<>();
        Map<LocalDate, AsOf> monthEnds = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            for (Invoice invoice : invoices) {
                if (invoice.issuedOn().equals(day)) {
                    open.put(invoice.id(), invoice.amount());
                }
            }
            for (Payment payment : payments) {
                if (payment.paidOn().equals(day)) {
                    open.merge(payment.invoiceId(), payment.amount().negate(), BigDecimal::add);
                    boolean early = invoice(payment.invoiceId()).dueOn().isAfter(day);
                    run = early ? run + 1 : 0;
                    if (run == 3) {
                        limit = limit.multiply(new BigDecimal("1.15")).setScale(2, RoundingMode.HALF_UP);
                        run = 0;
                    }
                }
            }
            held = false;
            for (Invoice invoice : invoices) {
                BigDecimal left = open.getOrDefault(invoice.id(), BigDecimal.ZERO);
                long pastDue = invoice.dueOn().until(day, java.time.temporal.ChronoUnit.DAYS);
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
            if (day.equals(YearMonth.from(day).atEndOfMonth()) || day.equals(today)) {
                Map<String, BigDecimal> openNow = new TreeMap<>();
                open.forEach((id, amount) -> openNow.put(id, amount.setScale(2)));
                monthEnds.put(day, new AsOf(openNow, new TreeMap<>(stage), held, limit.setScale(2), new TreeMap<>(outcomes)));
            }
        }
        return monthEnds;
    }

    Invoice invoice(String id) {
        return invoices.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
