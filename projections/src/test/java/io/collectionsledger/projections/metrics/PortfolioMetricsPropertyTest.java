package io.collectionsledger.projections.metrics;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.aging.AgingRow;
import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.metrics.CurrencyMetrics;
import io.collectionsledger.contracts.metrics.PeriodMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetricsQuery;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.projections.aging.AgingProjection;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static io.collectionsledger.contracts.receivable.Allocation.Component.LATE_FEES;
import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random histories of three customers, recorded in order and known up to a random time, what
 * is open and overdue at the end of every month is what the aging report answers as of that day:
 * over the portfolio, its totals (overdue being everything but the current bucket); per collector,
 * the totals of the customers that collector had on that day. And as of any date and known at any
 * time, every figure is the sum of the facts that had happened and were recorded by then.
 */
class PortfolioMetricsPropertyTest {

    static final LocalDate START = LocalDate.parse("2025-01-01");
    static final LocalDate END = LocalDate.parse("2026-12-31");
    static final Instant RECORDED_FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final List<String> CUSTOMERS = List.of("C-1", "C-2", "C-3");
    static DataSource dataSource;

    /** One fact of a customer: an event, with when it was recorded. */
    record Fact(AccountEvent event, Instant recordedAt) {
    }

    @BeforeContainer
    static void migrate() {
        PGSimpleDataSource own = new PGSimpleDataSource();
        own.setUrl(FreshDatabase.another());
        own.setUser(FreshDatabase.user());
        own.setPassword(FreshDatabase.password());
        Flyway.configure().dataSource(own).locations("classpath:db/migration/projections").load().migrate();
        dataSource = own;
    }

    @Property(tries = 20)
    void openAndOverdueAtEveryMonthsEndAreTheAgingReportsOfThatDay(@ForAll("histories") List<Fact> first,
                                                                    @ForAll("histories") List<Fact> second,
                                                                    @ForAll("histories") List<Fact> third,
                                                                    @ForAll("seconds") int knownAtSecond) {
        PortfolioMetricsProjection metrics = new PortfolioMetricsProjection(new JdbcTemplate(dataSource));
        AgingProjection aging = new AgingProjection(new JdbcTemplate(dataSource));
        EventFeed metricsFeed = new EventFeed(metrics);
        EventFeed agingFeed = new EventFeed(aging);
        metricsFeed.reset();
        agingFeed.reset();
        Instant knownAt = RECORDED_FROM.plusSeconds(knownAtSecond);
        List<List<Fact>> histories = List.of(first, second, third);
        List<Fact> all = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS.size(); c++) {
            String customer = CUSTOMERS.get(c);
            histories.get(c).forEach(fact -> all.add(new Fact(forCustomer(fact.event(), customer), fact.recordedAt())));
        }
        // the journal records a customer's facts in the order of their recording times
        all.sort(Comparator.comparing(Fact::recordedAt));
        for (Fact fact : all) {
            metricsFeed.feed(fact.event(), fact.recordedAt());
            agingFeed.feed(fact.event(), fact.recordedAt());
        }

        List<PeriodMetrics> overall = metrics.handle(query(null, knownAt)).periods();
        List<PeriodMetrics> byCollector = metrics.handle(query(PortfolioMetricsQuery.Grouping.COLLECTOR, knownAt)).periods();

        assertThat(overall).hasSize(24);
        for (PeriodMetrics month : overall) {
            LocalDate end = month.end();
            Map<String, BigDecimal[]> expected = new TreeMap<>();
            Map<String, Map<String, BigDecimal[]>> perCollector = new TreeMap<>();
            for (String customer : CUSTOMERS) {
                AgingReport report = aging.handle(new AgingReportQuery(end, knownAt, customer, null));
                add(expected, report);
                add(perCollector.computeIfAbsent(collectorOn(all, customer, end, knownAt), k -> new TreeMap<>()), report);
            }
            assertThat(figures(month)).as("open and overdue at %s", end).isEqualTo(nonZero(expected));

            Map<String, Map<String, List<BigDecimal>>> actual = new TreeMap<>();
            byCollector.stream().filter(row -> row.start().equals(month.start()))
                    .forEach(row -> actual.put(row.group(), figures(row)));
            actual.values().removeIf(Map::isEmpty);
            Map<String, Map<String, List<BigDecimal>>> wanted = new TreeMap<>();
            perCollector.forEach((collector, sums) -> wanted.put(collector, nonZero(sums)));
            wanted.values().removeIf(Map::isEmpty);
            assertThat(actual).as("open and overdue per collector at %s", end).isEqualTo(wanted);
        }
    }

    /**
     * As of a random date and known at a random time, every grouping's months and weeks are what the facts that had happened and
     * were recorded by then add up to: the same report over only those facts, summed again, with nothing to take back.
     */
    @Property(tries = 20)
    void answersAsOfADateAndKnownAtATimeAreTheSumsOfTheFactsThen(@ForAll("histories") List<Fact> first,
                                                                 @ForAll("histories") List<Fact> second,
                                                                 @ForAll("histories") List<Fact> third,
                                                                 @ForAll("days") int asOfDay,
                                                                 @ForAll("seconds") int knownAtSecond) {
        PortfolioMetricsProjection metrics = new PortfolioMetricsProjection(new JdbcTemplate(dataSource));
        EventFeed feed = new EventFeed(metrics);
        feed.reset();
        List<List<Fact>> histories = List.of(first, second, third);
        List<Fact> all = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS.size(); c++) {
            String customer = CUSTOMERS.get(c);
            histories.get(c).forEach(fact -> all.add(new Fact(forCustomer(fact.event(), customer), fact.recordedAt())));
        }
        all.sort(Comparator.comparing(Fact::recordedAt));
        all.forEach(fact -> feed.feed(fact.event(), fact.recordedAt()));
        LocalDate asOf = START.plusDays(asOfDay);
        Instant knownAt = RECORDED_FROM.plusSeconds(knownAtSecond);
        List<PortfolioMetricsQuery> queries = new ArrayList<>();
        for (PortfolioMetricsQuery.Period period : PortfolioMetricsQuery.Period.values()) {
            queries.add(new PortfolioMetricsQuery(START, END, period, null, null, asOf, knownAt));
            for (PortfolioMetricsQuery.Grouping by : PortfolioMetricsQuery.Grouping.values()) {
                queries.add(new PortfolioMetricsQuery(START, END, period, by, null, asOf, knownAt));
            }
        }
        List<PortfolioMetrics> answers = queries.stream().map(metrics::handle).toList();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from metrics_fact where occurred_on > ? or recorded_at > ?").params(asOf, Timestamp.from(knownAt)).update();
        jdbc.sql("truncate metrics_day, metrics_day_before_event").update();
        jdbc.sql("""
                insert into metrics_day (dimension, value, currency, measure, day, amount)
                select dim.dimension, dim.value, f.currency, f.measure, f.day, sum(f.amount)
                from metrics_fact f
                cross join lateral (values ('all', ''), ('collector', f.collector), ('tier', f.tier),
                                           ('receivable_class', f.receivable_class)) as dim (dimension, value)
                where dim.value is not null
                group by 1, 2, 3, 4, 5""").update();
        for (int n = 0; n < queries.size(); n++) {
            assertThat(withFigures(answers.get(n))).as("%s", queries.get(n)).isEqualTo(withFigures(metrics.handle(queries.get(n))));
        }
    }

    /**
     * The periods without the currencies and groups that have nothing in them: a group or currency whose every row was taken back
     * answers zeros (as reading the facts back did), where the facts summed again have no row of it.
     */
    private static List<PeriodMetrics> withFigures(PortfolioMetrics metrics) {
        List<PeriodMetrics> periods = new ArrayList<>();
        for (PeriodMetrics p : metrics.periods()) {
            List<CurrencyMetrics> currencies = p.currencies().stream().filter(c -> !nothingIn(c)).toList();
            boolean counted = p.contactAttempts() != 0 || p.promisesMade() != 0 || p.promisesJudged() != 0 || p.disputesOpened() != 0
                    || p.disputesResolved() != 0;
            if (metrics.by() == null || counted || !currencies.isEmpty()) {
                periods.add(new PeriodMetrics(p.start(), p.end(), p.group(), currencies, p.contactAttempts(), p.promisesMade(), p.ptpRate(),
                        p.promisesJudged(), p.promisesKept(), p.promisesPartiallyKept(), p.promisesBroken(), p.keptPromiseRate(),
                        p.disputesOpened(), p.disputesResolved(), p.disputeDaysOpen()));
            }
        }
        return periods;
    }

    private static boolean nothingIn(CurrencyMetrics c) {
        return List.of(c.openAtStart(), c.openAtEnd(), c.overdueAtEnd(), c.invoiced(), c.collected(), c.credited(), c.writtenOff(),
                        c.recoveredAfterWriteOff(), c.recovery().becameOverdue()).stream().allMatch(m -> m.amount().signum() == 0)
                && c.recovery().points().stream().allMatch(point -> point.collected().amount().signum() == 0);
    }

    private static PortfolioMetricsQuery query(PortfolioMetricsQuery.Grouping by, Instant knownAt) {
        return new PortfolioMetricsQuery(START, END, PortfolioMetricsQuery.Period.MONTH, by, null, END, knownAt);
    }

    /** The customer's collector on the day, as known at the time: its assignments so far, none taking effect before an earlier one. */
    private static String collectorOn(List<Fact> facts, String customer, LocalDate day, Instant knownAt) {
        String collector = "unassigned";
        LocalDate effective = LocalDate.MIN;
        for (Fact fact : facts) {
            if (fact.event() instanceof CollectorAssigned assigned && assigned.customerId().equals(customer) && !fact.recordedAt().isAfter(knownAt)) {
                effective = assigned.occurredOn().isAfter(effective) ? assigned.occurredOn() : effective;
                if (!effective.isAfter(day)) {
                    collector = assigned.collector();
                }
            }
        }
        return collector;
    }

    /** Open and overdue per currency from the aging report: overdue is every bucket after "current". */
    private static void add(Map<String, BigDecimal[]> sums, AgingReport report) {
        for (AgingRow row : report.customers()) {
            BigDecimal[] sum = sums.computeIfAbsent(row.currency(), c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(row.total().amount());
            sum[1] = sum[1].add(row.total().amount()).subtract(row.buckets().get(0).amount()).subtract(row.disputed().amount());
        }
    }

    private static Map<String, List<BigDecimal>> nonZero(Map<String, BigDecimal[]> sums) {
        Map<String, List<BigDecimal>> figures = new TreeMap<>();
        sums.forEach((currency, sum) -> {
            if (sum[0].signum() != 0 || sum[1].signum() != 0) {
                figures.put(currency, List.of(sum[0].stripTrailingZeros(), sum[1].stripTrailingZeros()));
            }
        });
        return figures;
    }

    private static Map<String, List<BigDecimal>> figures(PeriodMetrics period) {
        Map<String, List<BigDecimal>> figures = new TreeMap<>();
        for (CurrencyMetrics currency : period.currencies()) {
            if (currency.openAtEnd().signum() != 0 || currency.overdueAtEnd().signum() != 0) {
                figures.put(currency.currency(), List.of(currency.openAtEnd().amount().stripTrailingZeros(),
                        currency.overdueAtEnd().amount().stripTrailingZeros()));
            }
        }
        return figures;
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 729);
    }

    @Provide
    Arbitrary<Integer> seconds() {
        return Arbitraries.integers().between(0, 1000);
    }

    /** Up to three invoices (INV-3 in USD), then payments, reversals, credit notes, fees, write-offs and changes of collector. */
    @Provide
    Arbitrary<List<Fact>> histories() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 700);
        Arbitrary<Integer> second = Arbitraries.integers().between(0, 1000);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("5000")).ofScale(2);
        Arbitrary<Fact> invoice = Combinators.combine(Arbitraries.integers().between(1, 3), amount.list().ofSize(2), day,
                        Arbitraries.integers().between(-30, 400).list().ofSize(2), second)
                .as((index, amounts, issued, dueOffsets, rec) -> {
                    String cur = index == 3 ? "USD" : "CNY";
                    List<InvoiceTerm> terms = new ArrayList<>();
                    for (int t = 0; t < 2; t++) {
                        terms.add(new InvoiceTerm("T" + t, Money.of(amounts.get(t).toPlainString(), cur), START.plusDays(issued + dueOffsets.get(t))));
                    }
                    return new Fact(new InvoiceIssued("?", "INV-" + index, null, START.plusDays(issued), terms.get(0).amount().plus(terms.get(1).amount()),
                            terms, List.of(), null), RECORDED_FROM.plusSeconds(rec));
                });
        Arbitrary<Fact> movement = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 1), amount, day, second)
                .as((kind, index, term, amt, on, rec) -> {
                    String cur = index == 3 ? "USD" : "CNY";
                    String invoiceId = "INV-" + index;
                    LocalDate date = START.plusDays(on);
                    Money money = Money.of(amt.toPlainString(), cur);
                    Allocation principal = new Allocation(invoiceId, "T" + term, PRINCIPAL, money);
                    AccountEvent event = switch (kind) {
                        case 0, 1 -> new PaymentRecorded("?", "P-" + on, date, money, RecordPayment.Method.BANK_TRANSFER, null, List.of(principal), Money.zero(cur));
                        case 2 -> new PaymentReversed("?", "P-" + on, date, "bounced", money, List.of(principal), Money.zero(cur));
                        case 3 -> new CreditNoteIssued("?", invoiceId, "CN-" + on, date, money, "credit", List.of(principal));
                        case 4 -> new LateFeesAccrued("?", date, List.of(new LateFeeAccrual(invoiceId, "T" + term, money, 1, date, false)));
                        case 5 -> new ReceivableWrittenOff("?", invoiceId, "WO-" + on, date, money, "written off",
                                List.of(new Allocation(invoiceId, "T" + term, LATE_FEES, money)));
                        default -> new ReceivableWrittenOff("?", invoiceId, "WO-" + on, date, money, "written off", List.of(principal));
                    };
                    return new Fact(event, RECORDED_FROM.plusSeconds(rec));
                });
        Arbitrary<Fact> assignment = Combinators.combine(Arbitraries.of("li", "wang", "zhao"), day, second)
                .as((collector, on, rec) -> new Fact(new CollectorAssigned("?", START.plusDays(on), collector, ReminderTier.B),
                        RECORDED_FROM.plusSeconds(rec)));
        Arbitrary<List<Fact>> issued = invoice.list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(fact -> ((InvoiceIssued) fact.event()).invoiceId());
        return Combinators.combine(issued, movement.list().ofMaxSize(12), assignment.list().ofMaxSize(4))
                .as((invoices, movements, assignments) -> {
                    List<Fact> all = new ArrayList<>(invoices);
                    // as in the account: nothing touches an invoice before it was issued and recorded
                    movements.stream().filter(fact -> afterItsInvoice(fact, invoices)).forEach(all::add);
                    all.addAll(assignments);
                    return all;
                });
    }

    private static boolean afterItsInvoice(Fact movement, List<Fact> invoices) {
        String invoiceId = invoiceOf(movement.event());
        return invoices.stream().anyMatch(fact -> fact.event() instanceof InvoiceIssued invoice && invoice.invoiceId().equals(invoiceId)
                && !invoice.occurredOn().isAfter(occurredOn(movement.event())) && !fact.recordedAt().isAfter(movement.recordedAt()));
    }

    private static LocalDate occurredOn(AccountEvent event) {
        if (event instanceof PaymentRecorded e) {
            return e.occurredOn();
        }
        if (event instanceof PaymentReversed e) {
            return e.occurredOn();
        }
        if (event instanceof CreditNoteIssued e) {
            return e.occurredOn();
        }
        if (event instanceof LateFeesAccrued e) {
            return e.occurredOn();
        }
        return ((ReceivableWrittenOff) event).occurredOn();
    }

    private static String invoiceOf(AccountEvent event) {
        if (event instanceof PaymentRecorded e) {
            return e.allocations().get(0).invoiceId();
        }
        if (event instanceof PaymentReversed e) {
            return e.reopened().get(0).invoiceId();
        }
        if (event instanceof CreditNoteIssued e) {
            return e.invoiceId();
        }
        if (event instanceof LateFeesAccrued e) {
            return e.accruals().get(0).invoiceId();
        }
        return ((ReceivableWrittenOff) event).invoiceId();
    }

    /** The generated events name no customer; each history gets one. */
    private static AccountEvent forCustomer(AccountEvent event, String customer) {
        Map<Class<?>, Function<AccountEvent, AccountEvent>> renamed = new HashMap<>();
        renamed.put(InvoiceIssued.class, ev -> {
            InvoiceIssued e = (InvoiceIssued) ev;
            return new InvoiceIssued(customer, e.invoiceId(), e.contractId(), e.occurredOn(), e.amount(), e.terms(), e.deliveryIds(), e.documentRef());
        });
        renamed.put(PaymentRecorded.class, ev -> {
            PaymentRecorded e = (PaymentRecorded) ev;
            return new PaymentRecorded(customer, e.paymentId(), e.occurredOn(), e.amount(), e.method(), e.reference(), e.allocations(), e.unapplied());
        });
        renamed.put(PaymentReversed.class, ev -> {
            PaymentReversed e = (PaymentReversed) ev;
            return new PaymentReversed(customer, e.paymentId(), e.occurredOn(), e.reason(), e.amount(), e.reopened(), e.unappliedReversed());
        });
        renamed.put(CreditNoteIssued.class, ev -> {
            CreditNoteIssued e = (CreditNoteIssued) ev;
            return new CreditNoteIssued(customer, e.invoiceId(), e.creditNoteId(), e.occurredOn(), e.amount(), e.reason(), e.reductions());
        });
        renamed.put(LateFeesAccrued.class, ev -> new LateFeesAccrued(customer, ((LateFeesAccrued) ev).occurredOn(), ((LateFeesAccrued) ev).accruals()));
        renamed.put(ReceivableWrittenOff.class, ev -> {
            ReceivableWrittenOff e = (ReceivableWrittenOff) ev;
            return new ReceivableWrittenOff(customer, e.invoiceId(), e.writeOffId(), e.occurredOn(), e.amount(), e.reason(), e.writtenOff());
        });
        renamed.put(CollectorAssigned.class, ev -> {
            CollectorAssigned e = (CollectorAssigned) ev;
            return new CollectorAssigned(customer, e.occurredOn(), e.collector(), e.tier());
        });
        return renamed.get(event.getClass()).apply(event);
    }
}
