package io.collectionsledger.projections.aging;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.aging.AgingRow;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
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

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.collectionsledger.contracts.receivable.Allocation.Component.LATE_FEES;
import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random event histories and a random business date D and recording time T, the aging
 * report equals a naive fold over the same events: take those that happened by D and were
 * recorded by T, add up what each term owes, put it in the bucket of its age, move disputed
 * amounts out of the latest-due terms into their own column.
 * <p>
 * INV-1 is under a contract with random late-fee terms, and fees are recorded at random days only:
 * the fold adds the fees owed and not recorded by walking the days one by one from the due date, each
 * day's fee its open principal times the daily rate, the fees so far never past the contract's cap
 * nor the legal line (each day's open principal at the legal rate in force that day over 365, summed
 * exactly from the first day past due), rounded once at the end, less the fees recorded (never below nothing).
 * The legal cap changes twice, once recorded during the histories' recording times.
 */
class AgingReportPropertyTest {

    static final LocalDate START = LocalDate.parse("2025-01-01");
    static final Instant RECORDED_FROM = Instant.parse("2026-01-01T00:00:00Z");
    /** The legal cap's changes: effective day after START, annual percent, second of recording after RECORDED_FROM (negative: before every fact). */
    static final List<LegalChange> LEGAL_CAP = List.of(new LegalChange(0, "15", -1), new LegalChange(200, "40", 500), new LegalChange(420, "5", -1));

    record LegalChange(int day, String annualPercent, int recordedSecond) {
        Instant recordedAt() {
            return RECORDED_FROM.plusSeconds(recordedSecond);
        }
    }
    static DataSource dataSource;
    /** A database of its own for the portfolio, emptied before each try. */
    static DataSource portfolioDataSource;

    /** One fact: an event, with when it was recorded. */
    record Fact(Object event, LocalDate occurredOn, Instant recordedAt) {
    }

    /** Databases of their own: the legal cap's schedule is the whole ledger's. */
    @BeforeContainer
    static void migrate() {
        dataSource = ownDatabase();
        recordLegalCap(new AgingProjection(new JdbcTemplate(dataSource)));
        portfolioDataSource = ownDatabase();
    }

    private static DataSource ownDatabase() {
        PGSimpleDataSource own = new PGSimpleDataSource();
        own.setUrl(FreshDatabase.another());
        own.setUser(FreshDatabase.user());
        own.setPassword(FreshDatabase.password());
        Flyway.configure().dataSource(own).locations("classpath:db/migration/projections").load().migrate();
        return own;
    }

    private static void recordLegalCap(AgingProjection projection) {
        for (int i = 0; i < LEGAL_CAP.size(); i++) {
            LegalChange change = LEGAL_CAP.get(i);
            projection.on(new LegalLateFeeCapChanged("L-" + i, START.plusDays(change.day()), new BigDecimal(change.annualPercent()), "the law"),
                    i, change.recordedAt());
        }
    }

    @Property(tries = 60)
    void theReportEqualsANaiveFoldOverTheSameEvents(@ForAll("histories") List<Fact> history,
                                                    @ForAll("days") int asOfDay, @ForAll("seconds") int knownAtSecond) {
        String customer = "C-" + UUID.randomUUID();
        List<Fact> facts = history.stream().map(f -> new Fact(forCustomer(f.event(), customer), f.occurredOn(), f.recordedAt())).toList();
        AgingProjection projection = new AgingProjection(new JdbcTemplate(dataSource));
        for (int i = 0; i < facts.size(); i++) {
            AgingFeed.feed(projection, facts.get(i).event(), facts.get(i).recordedAt(), customer + "-" + i);
        }
        LocalDate asOf = START.plusDays(asOfDay);
        Instant knownAt = RECORDED_FROM.plusSeconds(knownAtSecond);

        AgingReport report = projection.handle(new AgingReportQuery(asOf, knownAt, customer, null));

        assertThat(report.customers()).containsExactlyElementsOf(naiveFold(facts, customer, asOf, knownAt, report.buckets()));
        for (AgingRow row : report.customers()) {
            Money sum = row.buckets().stream().reduce(row.disputed(), Money::plus);
            assertThat(sum).as("buckets plus disputed make the total").isEqualTo(row.total());
        }
    }

    /**
     * The portfolio walked a page at a time holds each customer's rows as the naive fold has them,
     * and totals that are the sum of every customer's rows: as of a random date and time (folded
     * back from what is open now), and as of a date and time after every fact (what is open now).
     */
    @Property(tries = 40)
    void thePortfolioPageByPageIsEachCustomersFoldAndTheTotalsTheirSum(@ForAll("histories") List<Fact> first,
                                                                       @ForAll("histories") List<Fact> second,
                                                                       @ForAll("histories") List<Fact> third,
                                                                       @ForAll("days") int asOfDay, @ForAll("seconds") int knownAtSecond,
                                                                       @ForAll boolean afterEverything) {
        AgingProjection projection = new AgingProjection(new JdbcTemplate(portfolioDataSource));
        projection.reset();
        recordLegalCap(projection);
        LocalDate asOf = afterEverything ? START.plusDays(800) : START.plusDays(asOfDay);
        Instant knownAt = afterEverything ? RECORDED_FROM.plusSeconds(1000) : RECORDED_FROM.plusSeconds(knownAtSecond);
        List<String> labels = AgingCalculation.labels(AgingReportQuery.DEFAULT_BUCKETS);
        List<AgingRow> expected = new ArrayList<>();
        List<List<Fact>> histories = List.of(first, second, third);
        for (int c = 0; c < histories.size(); c++) {
            String customer = "C-" + (c + 1);
            List<Fact> facts = histories.get(c).stream().map(f -> new Fact(forCustomer(f.event(), customer), f.occurredOn(), f.recordedAt())).toList();
            for (int i = 0; i < facts.size(); i++) {
                AgingFeed.feed(projection, facts.get(i).event(), facts.get(i).recordedAt(), customer + "-" + i);
            }
            expected.addAll(naiveFold(facts, customer, asOf, knownAt, labels));
        }

        List<AgingRow> walked = new ArrayList<>();
        List<AgingRow> totals = List.of();
        String after = null;
        for (int pages = 0; pages == 0 || after != null; pages++) {
            assertThat(pages).as("pages of two customers out of three").isLessThanOrEqualTo(2);
            AgingReport page = projection.handle(new AgingReportQuery(asOf, knownAt, null, null, after, 2));
            assertThat(page.customers().stream().map(AgingRow::customerId).distinct()).hasSizeLessThanOrEqualTo(2);
            walked.addAll(page.customers());
            totals = page.totals();
            after = page.nextAfter();
        }

        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(totals).containsExactlyElementsOf(sumPerCurrency(expected));
    }

    private static List<AgingRow> sumPerCurrency(List<AgingRow> rows) {
        Map<String, AgingRow> sums = new TreeMap<>();
        for (AgingRow row : rows) {
            sums.merge(row.currency(), new AgingRow(null, row.currency(), row.buckets(), row.disputed(), row.total(), row.unappliedCredit()),
                    (a, b) -> new AgingRow(null, a.currency(), IntStream.range(0, a.buckets().size())
                            .mapToObj(i -> a.buckets().get(i).plus(b.buckets().get(i))).toList(),
                            a.disputed().plus(b.disputed()), a.total().plus(b.total()), a.unappliedCredit().plus(b.unappliedCredit())));
        }
        return List.copyOf(sums.values());
    }

    private static List<AgingRow> naiveFold(List<Fact> facts, String customer, LocalDate asOf, Instant knownAt, List<String> labels) {
        Map<String, BigDecimal> open = new TreeMap<>();
        Map<String, LocalDate> due = new HashMap<>();
        Map<String, String> currencyOf = new HashMap<>();
        Map<String, BigDecimal> disputed = new HashMap<>();
        Map<String, BigDecimal> credit = new TreeMap<>();
        Map<String, LateFeeTerms> contracts = new HashMap<>();
        Map<String, String> contractOf = new HashMap<>();
        Map<String, BigDecimal> principal = new HashMap<>();
        Map<String, TreeMap<LocalDate, BigDecimal>> principalMoves = new HashMap<>();
        Map<String, BigDecimal> feesRecorded = new HashMap<>();
        Map<String, LocalDate> feesThrough = new HashMap<>();
        java.util.Set<String> writtenOff = new java.util.HashSet<>();
        for (Fact fact : facts) {
            if (fact.occurredOn().isAfter(asOf) || fact.recordedAt().isAfter(knownAt)) {
                continue;
            }
            Object event = fact.event();
            if (event instanceof ContractRecorded e) {
                contracts.put(e.contractId(), e.lateFees());
            } else if (event instanceof InvoiceIssued e) {
                e.terms().forEach(t -> {
                    String key = e.invoiceId() + "/" + t.termId();
                    open.merge(key, t.amount().amount(), BigDecimal::add);
                    due.put(key, t.dueDate());
                    currencyOf.put(key, t.amount().currency());
                    principal.put(key, t.amount().amount());
                    if (e.contractId() != null) {
                        contractOf.put(key, e.contractId());
                    }
                });
            } else if (event instanceof PaymentRecorded e) {
                e.allocations().forEach(a -> open.merge(a.invoiceId() + "/" + a.termId(), a.amount().amount().negate(), BigDecimal::add));
                e.allocations().forEach(a -> movePrincipal(principalMoves, a, e.occurredOn(), a.amount().amount().negate()));
                credit.merge(e.unapplied().currency(), e.unapplied().amount(), BigDecimal::add);
            } else if (event instanceof PaymentReversed e) {
                e.reopened().forEach(a -> open.merge(a.invoiceId() + "/" + a.termId(), a.amount().amount(), BigDecimal::add));
                e.reopened().forEach(a -> movePrincipal(principalMoves, a, e.occurredOn(), a.amount().amount()));
                credit.merge(e.unappliedReversed().currency(), e.unappliedReversed().amount().negate(), BigDecimal::add);
            } else if (event instanceof CreditNoteIssued e) {
                e.reductions().forEach(a -> open.merge(a.invoiceId() + "/" + a.termId(), a.amount().amount().negate(), BigDecimal::add));
                e.reductions().forEach(a -> movePrincipal(principalMoves, a, e.occurredOn(), a.amount().amount().negate()));
            } else if (event instanceof ReceivableWrittenOff e) {
                e.writtenOff().forEach(a -> open.merge(a.invoiceId() + "/" + a.termId(), a.amount().amount().negate(), BigDecimal::add));
                e.writtenOff().forEach(a -> movePrincipal(principalMoves, a, e.occurredOn(), a.amount().amount().negate()));
                writtenOff.add(e.invoiceId());
            } else if (event instanceof LateFeesAccrued e) {
                e.accruals().forEach(a -> open.merge(a.invoiceId() + "/" + a.termId(), a.amount().amount(), BigDecimal::add));
                e.accruals().forEach(a -> {
                    feesRecorded.merge(a.invoiceId() + "/" + a.termId(), a.amount().amount(), BigDecimal::add);
                    feesThrough.merge(a.invoiceId() + "/" + a.termId(), a.accruedThrough(), (x, y) -> x.isAfter(y) ? x : y);
                });
            } else if (event instanceof DisputeRaised e) {
                disputed.merge(e.invoiceId(), e.amount().amount(), BigDecimal::add);
            } else if (event instanceof DisputeResolved e) {
                disputed.merge(e.invoiceId(), e.amount().amount().negate(), BigDecimal::add);
            } else if (event instanceof UnappliedCreditRefunded e) {
                credit.merge(e.amount().currency(), e.amount().amount().negate(), BigDecimal::add);
            }
        }
        open.forEach((key, amount) -> {
            String invoiceId = key.substring(0, key.indexOf('/'));
            LateFeeTerms terms = contracts.get(contractOf.get(key));
            if (terms != null && amount.signum() != 0 && !writtenOff.contains(invoiceId)) {
                open.put(key, amount.add(feesAccruedSinceRecorded(due.get(key), principal.get(key),
                        principalMoves.getOrDefault(key, new TreeMap<>()), terms, feesRecorded.getOrDefault(key, BigDecimal.ZERO),
                        feesThrough.get(key), asOf, knownAt)));
            }
        });
        Map<String, BigDecimal[]> buckets = new TreeMap<>();
        Map<String, BigDecimal> disputedColumn = new TreeMap<>();
        Map<String, List<String>> termsByInvoice = new TreeMap<>();
        open.forEach((key, amount) -> {
            if (due.containsKey(key) && amount.signum() != 0) {
                termsByInvoice.computeIfAbsent(key.substring(0, key.indexOf('/')), k -> new ArrayList<>()).add(key);
            }
        });
        termsByInvoice.forEach((invoice, keys) -> {
            keys.sort(Comparator.comparing((String k) -> due.get(k)).reversed().thenComparing(k -> k));
            BigDecimal left = disputed.getOrDefault(invoice, BigDecimal.ZERO).max(BigDecimal.ZERO);
            for (String key : keys) {
                String currency = currencyOf.get(key);
                BigDecimal part = left.min(open.get(key).max(BigDecimal.ZERO));
                left = left.subtract(part);
                long age = ChronoUnit.DAYS.between(due.get(key), asOf);
                int bucket = age <= 0 ? 0 : age <= 30 ? 1 : age <= 60 ? 2 : age <= 90 ? 3 : age <= 180 ? 4 : age <= 365 ? 5 : 6;
                BigDecimal[] row = buckets.computeIfAbsent(currency, c -> zeros(labels.size()));
                row[bucket] = row[bucket].add(open.get(key).subtract(part));
                disputedColumn.merge(currency, part, BigDecimal::add);
            }
        });
        credit.forEach((currency, amount) -> {
            if (amount.signum() != 0) {
                buckets.computeIfAbsent(currency, c -> zeros(labels.size()));
            }
        });
        List<AgingRow> rows = new ArrayList<>();
        buckets.forEach((currency, row) -> {
            BigDecimal total = disputedColumn.getOrDefault(currency, BigDecimal.ZERO);
            List<Money> amounts = new ArrayList<>();
            for (BigDecimal amount : row) {
                total = total.add(amount);
                amounts.add(new Money(amount, currency));
            }
            rows.add(new AgingRow(customer, currency, amounts, new Money(disputedColumn.getOrDefault(currency, BigDecimal.ZERO), currency),
                    new Money(total, currency), new Money(credit.getOrDefault(currency, BigDecimal.ZERO), currency)));
        });
        return rows;
    }

    private static void movePrincipal(Map<String, TreeMap<LocalDate, BigDecimal>> moves, Allocation allocation, LocalDate on, BigDecimal amount) {
        if (allocation.component() == PRINCIPAL) {
            moves.computeIfAbsent(allocation.invoiceId() + "/" + allocation.termId(), k -> new TreeMap<>()).merge(on, amount, BigDecimal::add);
        }
    }

    /**
     * Day by day from the first day past due: the legal line grows by the day's open principal at the
     * legal rate of the day; the fees grow by the day's open principal at the daily rate, never past the
     * contract's cap nor the legal line. What is owed through the as-of day is that rounded once; what
     * accrued after the fees recorded is what is owed less them, never below nothing. Every amount is kept
     * times 36,500 so that nothing rounds before the end.
     */
    private static BigDecimal feesAccruedSinceRecorded(LocalDate due, BigDecimal principal, TreeMap<LocalDate, BigDecimal> principalMoves,
                                                       LateFeeTerms terms, BigDecimal recorded, LocalDate recordedThrough,
                                                       LocalDate asOf, Instant knownAt) {
        BigDecimal scale = BigDecimal.valueOf(36500);
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal cap = principal.multiply(terms.capPercentOfPrincipal()).multiply(BigDecimal.valueOf(365));
        BigDecimal legal = BigDecimal.ZERO;
        LocalDate through = recordedThrough == null || recordedThrough.isBefore(due) ? due : recordedThrough;
        if (!through.isBefore(asOf)) {
            return BigDecimal.ZERO;
        }
        for (LocalDate day = due.plusDays(1); !day.isAfter(asOf); day = day.plusDays(1)) {
            BigDecimal open = principal;
            for (BigDecimal move : principalMoves.headMap(day, true).values()) {
                open = open.add(move);
            }
            legal = legal.add(open.multiply(legalRateOn(day, knownAt)));
            fees = fees.add(open.multiply(terms.dailyRatePercent()).multiply(BigDecimal.valueOf(365))).min(cap).min(legal);
        }
        return fees.divide(scale, 2, RoundingMode.HALF_UP).subtract(recorded).max(BigDecimal.ZERO);
    }

    /** The rate of the latest change in force on the day, as known at the time; a day before the first takes the first. */
    private static BigDecimal legalRateOn(LocalDate day, Instant knownAt) {
        BigDecimal rate = null;
        for (LegalChange change : LEGAL_CAP) {
            if (!change.recordedAt().isAfter(knownAt) && (rate == null || !START.plusDays(change.day()).isAfter(day))) {
                rate = new BigDecimal(change.annualPercent());
            }
        }
        return rate;
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] zeros = new BigDecimal[size];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 800);
    }

    @Provide
    Arbitrary<Integer> seconds() {
        return Arbitraries.integers().between(0, 1000);
    }

    /** Up to three invoices (INV-3 in USD, the others in CNY), then payments, reversals, credit notes, fees, disputes, write-offs, refunds. */
    @Provide
    Arbitrary<List<Fact>> histories() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 700);
        Arbitrary<Integer> second = Arbitraries.integers().between(0, 1000);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("5000")).ofScale(2);
        Arbitrary<String> currency = Arbitraries.of("CNY", "CNY", "USD");
        Arbitrary<Fact> invoice = Combinators.combine(Arbitraries.integers().between(1, 3), amount.list().ofSize(3), day,
                        Arbitraries.integers().between(-30, 400).list().ofSize(3), second)
                .as((index, amounts, issued, dueOffsets, rec) -> {
                    String cur = currencyOf(index);
                    List<InvoiceTerm> terms = new ArrayList<>();
                    for (int t = 0; t < 2; t++) {
                        // INV-1's principal stays above what the movements can take off it: the account never pays more than is open
                        BigDecimal termAmount = index == 1 ? amounts.get(t).add(new BigDecimal("40000")) : amounts.get(t);
                        terms.add(new InvoiceTerm("T" + t, Money.of(termAmount.toPlainString(), cur), START.plusDays(issued + dueOffsets.get(t))));
                    }
                    Money total = terms.get(0).amount().plus(terms.get(1).amount());
                    return new Fact(new InvoiceIssued("?", "INV-" + index, index == 1 ? "K-1" : null, START.plusDays(issued), total, terms, List.of(), null),
                            START.plusDays(issued), RECORDED_FROM.plusSeconds(rec));
                });
        Arbitrary<Fact> movement = Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 1), amount, day, second)
                .as((kind, index, term, amt, on, rec) -> {
                    String cur = currencyOf(index);
                    String invoiceId = "INV-" + index;
                    LocalDate date = START.plusDays(on);
                    Money money = Money.of(amt.toPlainString(), cur);
                    Allocation principal = new Allocation(invoiceId, "T" + term, PRINCIPAL, money);
                    Object event = switch (kind) {
                        case 0, 1 -> new PaymentRecorded("?", "P-" + on, date, money, RecordPayment.Method.BANK_TRANSFER, null, List.of(principal), Money.zero(cur));
                        case 2 -> new PaymentRecorded("?", "P-" + on, date, money, RecordPayment.Method.BANK_TRANSFER, null, List.of(), money);
                        case 3 -> new PaymentReversed("?", "P-" + on, date, "bounced", money, List.of(principal), Money.zero(cur));
                        case 4 -> new CreditNoteIssued("?", invoiceId, "CN-" + on, date, money, "credit", List.of(principal));
                        case 5 -> new LateFeesAccrued("?", date, List.of(new LateFeeAccrual(invoiceId, "T" + term,
                                Money.of(amt.remainder(new BigDecimal("50")).add(new BigDecimal("0.01")).toPlainString(), cur), 1, date, false)));
                        case 6 -> new DisputeRaised("?", "D-" + on, date, invoiceId, money, DisputeReason.QUALITY, "quality");
                        case 7 -> new DisputeResolved("?", "D-" + on, date, invoiceId, money, ResolveDispute.Resolution.UPHELD, "resolved");
                        default -> new ReceivableWrittenOff("?", invoiceId, "WO-" + on, date, money, "written off",
                                List.of(new Allocation(invoiceId, "T" + term, LATE_FEES, money)));
                    };
                    return new Fact(event, date, RECORDED_FROM.plusSeconds(rec));
                });
        Arbitrary<Fact> refund = Combinators.combine(amount, day, second, currency).as((amt, on, rec, cur) ->
                new Fact(new UnappliedCreditRefunded("?", "R-" + on, START.plusDays(on), Money.of(amt.toPlainString(), cur), null),
                        START.plusDays(on), RECORDED_FROM.plusSeconds(rec)));
        // an invoice id is issued once: the account refuses a second one (duplicate-id)
        Arbitrary<List<Fact>> issued = invoice.list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(fact -> ((InvoiceIssued) fact.event()).invoiceId());
        Arbitrary<Fact> contract = Combinators.combine(Arbitraries.of("0.01", "0.05", "0.1", "0.15"), Arbitraries.of("2", "10", "30", "100"))
                .as((rate, cap) -> new Fact(new ContractRecorded("?", "K-1", START, List.of(), List.of(),
                        new LateFeeTerms(new BigDecimal(rate), new BigDecimal(cap), false), null, null), START, RECORDED_FROM.minusSeconds(1)));
        return Combinators.combine(contract, issued, movement.list().ofMaxSize(15), refund.list().ofMaxSize(2))
                .as((lateFees, invoices, movements, refunds) -> {
                    List<Fact> all = new ArrayList<>(List.of(lateFees));
                    all.addAll(invoices);
                    // as in the account: nothing touches an invoice before it was issued and recorded
                    movements.stream().filter(fact -> afterItsInvoice(fact, invoices)).forEach(all::add);
                    all.addAll(refunds);
                    return all;
                });
    }

    private static boolean afterItsInvoice(Fact movement, List<Fact> invoices) {
        String invoiceId = invoiceOf(movement.event());
        return invoiceId == null || invoices.stream().anyMatch(invoice -> ((InvoiceIssued) invoice.event()).invoiceId().equals(invoiceId)
                && !invoice.occurredOn().isAfter(movement.occurredOn()) && !invoice.recordedAt().isAfter(movement.recordedAt()));
    }

    /** The invoice a generated movement is about; null for one about none (a payment left unapplied). */
    private static String invoiceOf(Object event) {
        if (event instanceof PaymentRecorded e) {
            return e.allocations().isEmpty() ? null : e.allocations().get(0).invoiceId();
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
        if (event instanceof DisputeRaised e) {
            return e.invoiceId();
        }
        if (event instanceof DisputeResolved e) {
            return e.invoiceId();
        }
        return ((ReceivableWrittenOff) event).invoiceId();
    }

    /** As the account would have it: what is set against an invoice is in the invoice's currency. */
    private static String currencyOf(int invoiceIndex) {
        return invoiceIndex == 3 ? "USD" : "CNY";
    }

    /** The generated events name no customer; each try gets its own. */
    private static Object forCustomer(Object event, String customer) {
        if (event instanceof ContractRecorded e) {
            return new ContractRecorded(customer, e.contractId(), e.occurredOn(), e.validity(), e.paymentTerms(), e.lateFees(), e.disputeClause(),
                    e.documentRef());
        }
        if (event instanceof InvoiceIssued e) {
            return new InvoiceIssued(customer, e.invoiceId(), e.contractId(), e.occurredOn(), e.amount(), e.terms(), e.deliveryIds(), e.documentRef());
        }
        if (event instanceof PaymentRecorded e) {
            return new PaymentRecorded(customer, e.paymentId(), e.occurredOn(), e.amount(), e.method(), e.reference(), e.allocations(), e.unapplied());
        }
        if (event instanceof PaymentReversed e) {
            return new PaymentReversed(customer, e.paymentId(), e.occurredOn(), e.reason(), e.amount(), e.reopened(), e.unappliedReversed());
        }
        if (event instanceof CreditNoteIssued e) {
            return new CreditNoteIssued(customer, e.invoiceId(), e.creditNoteId(), e.occurredOn(), e.amount(), e.reason(), e.reductions());
        }
        if (event instanceof LateFeesAccrued e) {
            return new LateFeesAccrued(customer, e.occurredOn(), e.accruals());
        }
        if (event instanceof DisputeRaised e) {
            return new DisputeRaised(customer, e.disputeId(), e.occurredOn(), e.invoiceId(), e.amount(), e.reason(), e.description());
        }
        if (event instanceof DisputeResolved e) {
            return new DisputeResolved(customer, e.disputeId(), e.occurredOn(), e.invoiceId(), e.amount(), e.resolution(), e.description());
        }
        if (event instanceof ReceivableWrittenOff e) {
            return new ReceivableWrittenOff(customer, e.invoiceId(), e.writeOffId(), e.occurredOn(), e.amount(), e.reason(), e.writtenOff());
        }
        if (event instanceof UnappliedCreditRefunded e) {
            return new UnappliedCreditRefunded(customer, e.refundId(), e.occurredOn(), e.amount(), e.reference());
        }
        throw new IllegalStateException();
    }
}
