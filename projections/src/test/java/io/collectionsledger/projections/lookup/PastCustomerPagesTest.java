package io.collectionsledger.projections.lookup;

import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReceivableClassified;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.lookup.CustomerLine;
import io.collectionsledger.contracts.lookup.CustomerPage;
import io.collectionsledger.contracts.lookup.CustomerRecords;
import io.collectionsledger.contracts.lookup.CustomerRecordsQuery;
import io.collectionsledger.contracts.lookup.CustomersQuery;
import io.collectionsledger.contracts.lookup.CustomersQuery.CustomerOrder;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of customers as of a past date, or as known at a past time, when every customer has
 * changed since: the same customers, in the same order, with the same lines as each customer's
 * own records then stood, and read at the cost of the page (the rows it reads from the database
 * grow with the page, not with the customers that changed).
 */
class PastCustomerPagesTest {

    private static final int CUSTOMERS = 120;
    private static final int PAGE = 10;
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** Everything before it is recorded in the first hour, everything after it in the third. */
    private static final Instant KNOWN = T0.plusSeconds(3600);
    private static final Instant LATER = T0.plusSeconds(3 * 3600);
    private static final LocalDate AS_OF = LocalDate.parse("2026-05-01");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private static final AtomicLong ROWS_READ = new AtomicLong();
    private static SingleConnectionDataSource connection;
    private static CustomerLookupProjection projection;
    private static String tag;

    @BeforeAll
    static void everyCustomerChangedSinceThePointTheListIsAskedAt() throws SQLException {
        // a database of its own: the lists below are of every customer it holds
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(FreshDatabase.another());
        database.setUser(FreshDatabase.user());
        database.setPassword(FreshDatabase.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration/projections").load().migrate();
        connection = new SingleConnectionDataSource(database.getConnection(), true);
        projection = new CustomerLookupProjection(new JdbcTemplate(counting(connection)));
        EventFeed events = new EventFeed(projection);
        tag = "past" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < CUSTOMERS; i++) {
            String c = tag + "-" + "%03d".formatted(i);
            Instant at = T0;
            // before the point: registered, invoiced, most of them assigned, some classified
            events.feed(new CustomerRegistered(c, "Customer " + tag + " " + "%03d".formatted((i * 37) % CUSTOMERS), null,
                    date("2026-01-05"), CreditFile.empty()), at = at.plusSeconds(1));
            events.feed(invoice(c, "INV-1", "CNY", 100 + i, "2026-03-01"), at = at.plusSeconds(1));
            if (i % 3 != 0) {
                events.feed(new CollectorAssigned(c, date("2026-03-02"), "collector-" + i % 4, ReminderTier.values()[i % 3]),
                        at = at.plusSeconds(1));
            }
            if (i % 5 == 0) {
                events.feed(new ReceivableClassified(c, "INV-1", date("2026-04-05"), ReceivableClass.OVERDUE, "past due"),
                        at = at.plusSeconds(1));
            }
            // after it, in business date or in recording time or both
            at = KNOWN.plusSeconds(3600);
            BigDecimal paid = BigDecimal.valueOf(i % 4 == 0 ? 100 + i : 50);
            events.feed(new PaymentRecorded(c, "P-1", date("2026-06-01"), cny(paid), RecordPayment.Method.BANK_TRANSFER, null,
                    List.of(new Allocation("INV-1", "T1", Allocation.Component.PRINCIPAL, cny(paid))), cny(BigDecimal.ZERO)),
                    at = at.plusSeconds(1));
            if (i % 2 == 0) {
                events.feed(new CollectorAssigned(c, date("2026-04-20"), "collector-9", ReminderTier.A), at = at.plusSeconds(1));
            }
            if (i % 7 == 0) {
                events.feed(new ReceivableClassified(c, "INV-1", date("2026-06-02"), ReceivableClass.DOUBTFUL, "no answer"),
                        at = at.plusSeconds(1));
            }
            if (i % 6 == 0) {
                events.feed(invoice(c, "INV-2", "CNY", 1000 + i, "2026-04-25"), at = at.plusSeconds(1));
            }
        }
        events.feed(new CustomerRegistered(tag + "-late", "Customer " + tag + " late", null, date("2026-01-05"), CreditFile.empty()),
                LATER);
    }

    @AfterAll
    static void close() {
        connection.destroy();
    }

    @Test
    void asOfAPastDateAPageHoldsTheCustomersAsTheyThenStoodAndFoldsOnlyThose() {
        everyListAsTheCustomersOwnRecordsSayIt(AS_OF, LATER.plusSeconds(3600));
    }

    @Test
    void asKnownAtAPastTimeAPageHoldsTheCustomersAsTheyWereThenKnownAndFoldsOnlyThose() {
        everyListAsTheCustomersOwnRecordsSayIt(TODAY, KNOWN);
    }

    @Test
    void asOfTheDayOfThePaymentsTheCustomersUnchangedSinceAreReadFromTheKeptRowsAndTheOthersFolded() {
        everyListAsTheCustomersOwnRecordsSayIt(LocalDate.parse("2026-06-01"), LATER.plusSeconds(3600));
    }

    @Test
    void asOfTodayAsKnownNowEveryCustomerIsReadFromTheKeptRows() {
        everyListAsTheCustomersOwnRecordsSayIt(TODAY, LATER.plusSeconds(3600));
    }

    private void everyListAsTheCustomersOwnRecordsSayIt(LocalDate asOf, Instant knownAt) {
        List<CustomerLine> all = IntStream.rangeClosed(0, CUSTOMERS)
                .mapToObj(i -> i == CUSTOMERS ? tag + "-late" : tag + "-" + "%03d".formatted(i))
                .map(id -> projection.handle(new CustomerRecordsQuery(id, asOf, knownAt)))
                .filter(Objects::nonNull).map(CustomerFold::line).toList();
        assertThat(all).hasSize(knownAt.isAfter(LATER) ? CUSTOMERS + 1 : CUSTOMERS);

        assertPages(asOf, knownAt, null, null, null, null, CustomerOrder.NAME, all, line -> true);
        assertPages(asOf, knownAt, tag + " 01", null, null, null, CustomerOrder.NAME, all, line -> line.name().contains(tag + " 01"));
        assertPages(asOf, knownAt, null, null, null, null, CustomerOrder.OPEN_AMOUNT, all, line -> true);
        assertPages(asOf, knownAt, null, "collector-1", null, null, CustomerOrder.NAME, all, line -> "collector-1".equals(line.collector()));
        assertPages(asOf, knownAt, null, "collector-9", null, null, CustomerOrder.NAME, all, line -> "collector-9".equals(line.collector()));
        assertPages(asOf, knownAt, null, null, ReminderTier.A, null, CustomerOrder.OPEN_AMOUNT, all, line -> line.tier() == ReminderTier.A);
        for (ReceivableClass receivableClass : List.of(ReceivableClass.CURRENT, ReceivableClass.OVERDUE, ReceivableClass.DOUBTFUL)) {
            assertPages(asOf, knownAt, null, null, null, receivableClass, CustomerOrder.OPEN_AMOUNT, all,
                    line -> line.receivableClasses().contains(receivableClass));
        }
    }

    /** Every page of the list, walked by its cursor: the customers that match, in order, and no page reads more than its customers' facts. */
    private void assertPages(LocalDate asOf, Instant knownAt, String name, String collector, ReminderTier tier, ReceivableClass receivableClass,
                             CustomerOrder order, List<CustomerLine> all, Predicate<CustomerLine> matches) {
        List<CustomerLine> expected = all.stream().filter(matches).sorted(order == CustomerOrder.NAME
                ? Comparator.comparing(CustomerLine::name).thenComparing(CustomerLine::customerId)
                : Comparator.comparing(PastCustomerPagesTest::owed).reversed().thenComparing(CustomerLine::customerId)).toList();
        long mostFacts = new JdbcTemplate(connection).queryForObject(
                "select max(n) from (select count(*) n from lookup_fact group by customer_id) f", Long.class);
        List<CustomerLine> listed = new ArrayList<>();
        String after = null;
        do {
            ROWS_READ.set(0);
            CustomerPage page = projection.handle(new CustomersQuery(asOf, knownAt, name, collector, tier, receivableClass, order,
                    "CNY", after, PAGE));
            // the page's ids, then the facts of those it shows and of the one after it (which tells whether there is a next page)
            assertThat(ROWS_READ.get()).as("rows read for a page of %d customers, each with at most %d facts", PAGE, mostFacts)
                    .isLessThanOrEqualTo(2L * (PAGE + 1) + (PAGE + 1) * mostFacts);
            listed.addAll(page.customers());
            after = page.nextAfter();
        } while (after != null);
        assertThat(listed).as("%s %s %s %s %s by %s", name, collector, tier, receivableClass, asOf + " " + knownAt, order)
                .containsExactlyElementsOf(expected);
    }

    private static BigDecimal owed(CustomerLine line) {
        return line.open().stream().filter(money -> money.currency().equals("CNY")).map(Money::amount).filter(amount -> amount.signum() > 0)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    private static InvoiceIssued invoice(String customerId, String invoiceId, String currency, int amount, String on) {
        Money money = Money.of(BigDecimal.valueOf(amount).setScale(2).toPlainString(), currency);
        return new InvoiceIssued(customerId, invoiceId, null, date(on), money,
                List.of(new InvoiceTerm("T1", money, date(on).plusMonths(1))), List.of(), null);
    }

    private static Money cny(BigDecimal amount) {
        return Money.of(amount.setScale(2).toPlainString(), "CNY");
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** The data source, counting every row a query reads through it. */
    private static DataSource counting(DataSource target) {
        return proxy(DataSource.class, target);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(PastCustomerPagesTest.class.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (type == ResultSet.class && method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                ROWS_READ.incrementAndGet();
            }
            if (result instanceof ResultSet rows && type != ResultSet.class) {
                return proxy(ResultSet.class, rows);
            }
            if (result instanceof java.sql.PreparedStatement statement) {
                return proxy(java.sql.PreparedStatement.class, statement);
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement);
            }
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection);
            }
            return result;
        });
    }
}
