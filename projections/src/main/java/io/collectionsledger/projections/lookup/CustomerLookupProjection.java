package io.collectionsledger.projections.lookup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReceivableClassified;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.lookup.CustomerLine;
import io.collectionsledger.contracts.lookup.CustomerPage;
import io.collectionsledger.contracts.lookup.CustomerRecords;
import io.collectionsledger.contracts.lookup.CustomerRecordsQuery;
import io.collectionsledger.contracts.lookup.CustomersQuery;
import io.collectionsledger.contracts.lookup.CustomersQuery.CustomerOrder;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.projections.shared.BatchedWrites;
import io.collectionsledger.projections.shared.LegalLateFeeCapsRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every record of a customer read back: its file, contracts, deliveries, invoices, payments,
 * promises and plans, disputes, letters, guarantees and asset leads, legal cases. Each fact that
 * shapes them is kept as recorded (business date, recording time, the event as JSON) and a
 * customer's facts are folded when asked for ({@link CustomerFold}), so that any {@code asOf} and
 * {@code knownAt} read the records as they then stood. For lists of customers it also keeps each
 * customer as its facts so far leave it (name, collector and tier, principal open per invoice and
 * per currency), exact for a query on or after the customer's last fact, which a list read today
 * always is. For a customer with facts after the query's date or time it keeps the history of those
 * keys (who collected at which tier, each receivable's principal moves and classes), from which SQL
 * picks the customers a page shows; only those are folded. It only listens and answers.
 */
@Component
@ProcessingGroup(CustomerLookupProjection.PROCESSING_GROUP)
public class CustomerLookupProjection {

    public static final String PROCESSING_GROUP = "customer-lookup";

    /** Customers whose facts are read at once when a list folds them. */
    private static final int FOLDED_AT_ONCE = 500;

    /** The events as kept in {@code lookup_fact}: settings of their own, so the API's mapper never changes what is kept. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Map<String, Class<? extends AccountEvent>> TYPES = CustomerFold.FACTS.stream()
            .collect(Collectors.toMap(type -> type.getAnnotation(EventType.class).value(), Function.identity()));

    private final JdbcClient jdbc;
    private final BatchedWrites.Statement customers;
    private final BatchedWrites.Statement facts;
    private final BatchedWrites.Statement receivables;
    private final BatchedWrites.Statement classes;
    private final BatchedWrites.Statement open;
    private final BatchedWrites.Statement collectors;
    private final BatchedWrites.Statement lastFacts;
    private final BatchedWrites.Statement movements;
    private final BatchedWrites.Statement assignments;
    private final BatchedWrites.Statement classifications;
    private final BatchedWrites.Statement legalCaps;

    /**
     * Statements in the order their rows must be written: a customer's row before what updates it,
     * a receivable's before its class. The upserts insert from a select, which pgjdbc does not
     * rewrite into one multi-row insert (that would touch a row twice when a batch moves it twice).
     */
    public CustomerLookupProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        BatchedWrites writes = new BatchedWrites(jdbcTemplate);
        this.customers = writes.statement("""
                insert into lookup_customer (customer_id, name, name_folded, registered_on, registered_at, last_occurred_on, last_recorded_at)
                values (?, ?, lower(?), ?, ?, ?, ?)""");
        this.facts = writes.statement("""
                insert into lookup_fact (customer_id, sequence_number, occurred_on, recorded_at, type, payload)
                values (?, ?, ?, ?, ?, cast(? as jsonb))""");
        this.receivables = writes.statement("""
                insert into lookup_receivable as r (customer_id, receivable_id, currency, is_plan, open, issued_on, issued_at)
                select ?, ?, ?, ?, cast(? as numeric), cast(? as date), cast(? as timestamptz)
                on conflict (customer_id, receivable_id) do update set open = r.open + excluded.open""");
        this.classes = writes.statement("""
                update lookup_receivable set receivable_class = ? where customer_id = ? and receivable_id = ?""");
        this.open = writes.statement("""
                insert into lookup_customer_open as o (customer_id, currency, open) select ?, ?, cast(? as numeric)
                on conflict (customer_id, currency) do update set open = o.open + excluded.open""");
        this.collectors = writes.statement("""
                update lookup_customer set collector = ?, tier = ? where customer_id = ?""");
        this.lastFacts = writes.statement("""
                update lookup_customer set last_occurred_on = greatest(last_occurred_on, ?), last_recorded_at = greatest(last_recorded_at, ?)
                where customer_id = ?""");
        this.movements = writes.statement("""
                insert into lookup_movement (customer_id, receivable_id, occurred_on, recorded_at, amount) values (?, ?, ?, ?, ?)""");
        this.assignments = writes.statement("""
                insert into lookup_collector (customer_id, sequence_number, occurred_on, recorded_at, collector, tier) values (?, ?, ?, ?, ?, ?)""");
        this.classifications = writes.statement("""
                insert into lookup_class (customer_id, receivable_id, sequence_number, occurred_on, recorded_at, receivable_class)
                values (?, ?, ?, ?, ?, ?)""");
        this.legalCaps = writes.statement("""
                insert into lookup_legal_cap (sequence_number, effective_from, annual_percent, recorded_at) values (?, ?, ?, ?)""");
    }

    /** The legal cap from its effective date, for the fees a file computes as of a date. */
    @EventHandler
    void on(LegalLateFeeCapChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        legalCaps.add(sequence, event.effectiveFrom(), event.annualPercent(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(AccountEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!CustomerFold.FACTS.contains(event.getClass())) {
            return;
        }
        java.sql.Timestamp recordedAt = java.sql.Timestamp.from(at);
        if (event instanceof CustomerRegistered registered) {
            customers.add(registered.customerId(), registered.name(), registered.name(), registered.occurredOn(), recordedAt,
                    registered.occurredOn(), recordedAt);
        }
        facts.add(event.customerId(), sequence, event.occurredOn(), recordedAt, event.getClass().getAnnotation(EventType.class).value(),
                json(event));
        principalMoved(event, recordedAt);
        if (event instanceof ReceivableClassified classified) {
            classes.add(classified.receivableClass().name(), classified.customerId(), classified.invoiceId());
            classifications.add(classified.customerId(), classified.invoiceId(), sequence, classified.occurredOn(), recordedAt,
                    classified.receivableClass().name());
        }
        if (event instanceof CollectorAssigned assigned) {
            collectors.add(assigned.collector(), assigned.tier().name(), assigned.customerId());
            assignments.add(assigned.customerId(), sequence, assigned.occurredOn(), recordedAt, assigned.collector(), assigned.tier().name());
        }
        lastFacts.add(event.occurredOn(), recordedAt, event.customerId());
    }

    /** The principal an event adds to or takes off invoices and plans: what {@link CustomerFold} counts as open. */
    private void principalMoved(AccountEvent event, java.sql.Timestamp recordedAt) {
        if (event instanceof InvoiceIssued issued) {
            issued.terms().forEach(term -> move(issued, recordedAt, issued.invoiceId(), false, term.amount()));
        } else if (event instanceof CreditNoteIssued credited) {
            settled(credited, recordedAt, credited.reductions(), -1);
        } else if (event instanceof PaymentRecorded paid) {
            settled(paid, recordedAt, paid.allocations(), -1);
        } else if (event instanceof PaymentReversed reversed) {
            settled(reversed, recordedAt, reversed.reopened(), 1);
        } else if (event instanceof UnappliedCreditApplied applied) {
            settled(applied, recordedAt, applied.allocations(), -1);
        } else if (event instanceof ReceivableWrittenOff writtenOff) {
            settled(writtenOff, recordedAt, writtenOff.writtenOff(), -1);
        } else if (event instanceof PaymentPlanAgreed plan) {
            settled(plan, recordedAt, plan.rescheduled(), -1);
            for (Installment installment : plan.installments()) {
                move(plan, recordedAt, plan.planId(), true, installment.principal());
            }
        }
    }

    private void settled(AccountEvent event, java.sql.Timestamp recordedAt, List<Allocation> allocations, int sign) {
        for (Allocation allocation : allocations) {
            if (allocation.component() == Allocation.Component.PRINCIPAL) {
                move(event, recordedAt, allocation.invoiceId(), false, sign < 0 ? allocation.amount().negate() : allocation.amount());
            }
        }
    }

    /**
     * {@code plan}, and the event's date and time as the receivable's issue, only count when the move
     * creates the receivable's row: the first move of a receivable is the event that issues it.
     */
    private void move(AccountEvent event, java.sql.Timestamp recordedAt, String receivableId, boolean plan, Money change) {
        receivables.add(event.customerId(), receivableId, change.currency(), plan, change.amount(), event.occurredOn(), recordedAt);
        open.add(event.customerId(), change.currency(), change.amount());
        movements.add(event.customerId(), receivableId, event.occurredOn(), recordedAt, change.amount());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("""
                truncate lookup_fact, lookup_customer, lookup_receivable, lookup_customer_open, lookup_movement, lookup_collector, lookup_class,
                         lookup_legal_cap""").update();
    }

    /** A customer's records as of the query's date and time; absent when it had not been registered by then. */
    @QueryHandler
    public CustomerRecords handle(CustomerRecordsQuery query) {
        List<CustomerFold.Fact> facts = jdbc.sql("""
                        select type, payload::text, recorded_at from lookup_fact
                        where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                        order by sequence_number""")
                .param("customer", query.customerId()).param("asOf", query.asOf())
                .param("knownAt", java.sql.Timestamp.from(query.knownAt()))
                .query((rs, n) -> fact(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        return CustomerFold.fold(query.customerId(), query.asOf(), query.knownAt(), facts, legalCaps(query.knownAt()));
    }

    /**
     * A page of customers. Those whose last fact is on or before the query's date and time are read
     * from the kept rows, filtered and ordered by SQL; the others (none for a list as of today) are
     * picked by SQL from their keys as they then stood, and those picked are folded and placed among them.
     */
    @QueryHandler
    public CustomerPage handle(CustomersQuery query) {
        CustomerCursor after = query.after() == null ? null : CustomerCursor.read(query.after(), query.order())
                .orElseThrow(() -> new IllegalArgumentException("not a cursor of this order: " + query.after()));
        Integer wanted = query.limit() == null ? null : query.limit() + 1;
        List<Ranked> ranked = new ArrayList<>(exact(query, after, wanted));
        if (changedSince(query)) {
            ranked.addAll(folded(query, after, wanted));
        }
        ranked.sort(order(query.order()));
        List<Ranked> page = wanted == null || ranked.size() <= query.limit() ? ranked : ranked.subList(0, query.limit());
        String nextAfter = wanted != null && ranked.size() > query.limit() ? page.get(page.size() - 1).cursor().write() : null;
        return new CustomerPage(query.asOf(), query.knownAt(), page.stream().map(Ranked::line).toList(), nextAfter);
    }

    /** A customer on a page, with the key it is ordered by. */
    private record Ranked(CustomerLine line, CustomerCursor cursor) {
    }

    private static Comparator<Ranked> order(CustomerOrder order) {
        return order == CustomerOrder.NAME
                ? Comparator.comparing((Ranked r) -> r.cursor().name()).thenComparing(r -> r.cursor().customerId())
                : Comparator.comparing((Ranked r) -> r.cursor().amount(), Comparator.reverseOrder()).thenComparing(r -> r.cursor().customerId());
    }

    private List<Ranked> exact(CustomersQuery query, CustomerCursor after, Integer wanted) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("c.last_occurred_on <= :asOf and c.last_recorded_at <= :knownAt");
        params.put("asOf", query.asOf());
        params.put("knownAt", java.sql.Timestamp.from(query.knownAt()));
        filters(query, where, params);
        if (query.order() == CustomerOrder.NAME) {
            if (after != null) {
                // byte order (collation C), the order Java sorts the folded customers in
                where.append(" and (c.name collate \"C\", c.customer_id collate \"C\") > (:afterName, :afterId)");
                params.put("afterName", after.name());
                params.put("afterId", after.customerId());
            }
            return lines(jdbc.sql("select c.customer_id, c.name, c.collector, c.tier from lookup_customer c where " + where
                            + " order by c.name collate \"C\", c.customer_id collate \"C\"" + (wanted == null ? "" : " limit " + wanted))
                    .params(params).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null))
                    .list(), query);
        }
        params.put("currency", query.currency());
        List<Row> rows = new ArrayList<>();
        // those who owe in the currency, the largest first, by the index on amounts
        if (after == null || after.amount().signum() > 0) {
            String owing = where + " and o.currency = :currency and o.open > 0";
            if (after != null) {
                owing += " and (o.open < :afterAmount or (o.open = :afterAmount and o.customer_id collate \"C\" > :afterId))";
                params.put("afterAmount", after.amount());
                params.put("afterId", after.customerId());
            }
            rows.addAll(jdbc.sql("""
                            select c.customer_id, c.name, c.collector, c.tier, o.open from lookup_customer_open o
                            join lookup_customer c on c.customer_id = o.customer_id""" + " where " + owing
                            + " order by o.open desc, o.customer_id collate \"C\"" + (wanted == null ? "" : " limit " + wanted))
                    .params(params).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5)))
                    .list());
        }
        // then those who owe nothing in it, by id
        if (wanted == null || rows.size() < wanted) {
            String owingNothing = where + " and not exists (select 1 from lookup_customer_open o where o.customer_id = c.customer_id"
                    + " and o.currency = :currency and o.open > 0)";
            if (after != null && after.amount().signum() == 0) {
                owingNothing += " and c.customer_id collate \"C\" > :afterId";
                params.put("afterId", after.customerId());
            }
            rows.addAll(jdbc.sql("select c.customer_id, c.name, c.collector, c.tier from lookup_customer c where " + owingNothing
                            + " order by c.customer_id collate \"C\"" + (wanted == null ? "" : " limit " + (wanted - rows.size())))
                    .params(params).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            BigDecimal.ZERO))
                    .list());
        }
        return lines(rows, query);
    }

    /** The filters the kept rows answer; name is matched as the registration wrote it, ignoring case. */
    private static void filters(CustomersQuery query, StringBuilder where, Map<String, Object> params) {
        nameFilter(query, where, params);
        if (query.collector() != null) {
            where.append(" and c.collector = :collector");
            params.put("collector", query.collector());
        }
        if (query.tier() != null) {
            where.append(" and c.tier = :tier");
            params.put("tier", query.tier().name());
        }
        if (query.receivableClass() != null) {
            where.append(" and exists (select 1 from lookup_receivable r where r.customer_id = c.customer_id and not r.is_plan"
                    + " and r.open > 0 and r.receivable_class = :class)");
            params.put("class", query.receivableClass().name());
        }
    }

    private static void nameFilter(CustomersQuery query, StringBuilder where, Map<String, Object> params) {
        if (query.nameContains() != null) {
            where.append(" and c.name_folded like '%' || lower(:name) || '%' escape '\\'");
            params.put("name", query.nameContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
    }

    private record Row(String customerId, String name, String collector, String tier, BigDecimal amount) {
    }

    /** The rows as lines, with the classes of their open invoices and what they owe per currency. */
    private List<Ranked> lines(List<Row> rows, CustomersQuery query) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(Row::customerId).toArray(String[]::new);
        Map<String, EnumSet<ReceivableClass>> classesOf = new HashMap<>();
        jdbc.sql("""
                        select distinct customer_id, receivable_class from lookup_receivable
                        where customer_id = any(:ids) and not is_plan and open > 0""")
                .param("ids", ids)
                .query((rs, n) -> classesOf.computeIfAbsent(rs.getString(1), id -> EnumSet.noneOf(ReceivableClass.class))
                        .add(ReceivableClass.valueOf(rs.getString(2))))
                .list();
        Map<String, List<Money>> openOf = new HashMap<>();
        jdbc.sql("select customer_id, currency, open from lookup_customer_open where customer_id = any(:ids) and open <> 0 order by currency")
                .param("ids", ids)
                .query((rs, n) -> openOf.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                        .add(new Money(rs.getBigDecimal(3), rs.getString(2))))
                .list();
        return rows.stream().map(row -> {
            CustomerLine line = new CustomerLine(row.customerId(), row.name(), row.collector(),
                    row.tier() == null ? null : ReminderTier.valueOf(row.tier()),
                    List.copyOf(classesOf.getOrDefault(row.customerId(), EnumSet.noneOf(ReceivableClass.class))),
                    openOf.getOrDefault(row.customerId(), List.of()));
            return new Ranked(line, cursor(line, query));
        }).toList();
    }

    private static CustomerCursor cursor(CustomerLine line, CustomersQuery query) {
        if (query.order() == CustomerOrder.NAME) {
            return new CustomerCursor(line.name(), null, line.customerId());
        }
        BigDecimal owed = line.open().stream().filter(money -> money.currency().equals(query.currency())).map(Money::amount)
                .findFirst().orElse(BigDecimal.ZERO);
        return new CustomerCursor(null, owed.signum() > 0 ? owed : BigDecimal.ZERO, line.customerId());
    }

    /**
     * Whether any customer has a fact after the query's date or time: never for a list as of today,
     * which so reads the kept rows alone. The latest of each is read from the end of its index.
     */
    private boolean changedSince(CustomersQuery query) {
        return jdbc.sql("""
                        select coalesce(max(last_occurred_on) > :asOf or max(last_recorded_at) > :knownAt, false) from lookup_customer""")
                .param("asOf", query.asOf()).param("knownAt", java.sql.Timestamp.from(query.knownAt())).query(Boolean.class).single();
    }

    /**
     * The customers registered by the query's date and time with facts after it, placed after the
     * cursor: picked by SQL from their keys as they then stood (the history of collectors, of each
     * receivable's principal and class), the first {@code wanted} of them, and only those folded
     * for their lines. A page as of a past date or time so folds the customers it shows, however
     * many changed since.
     */
    private List<Ranked> folded(CustomersQuery query, CustomerCursor after, Integer wanted) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("""
                (c.last_occurred_on > :asOf or c.last_recorded_at > :knownAt) and c.registered_on <= :asOf and c.registered_at <= :knownAt""");
        params.put("asOf", query.asOf());
        params.put("knownAt", java.sql.Timestamp.from(query.knownAt()));
        nameFilter(query, where, params);
        if (query.collector() != null || query.tier() != null) {
            // the assignment that stands: the last recorded of those that qualify
            where.append(" and exists (select 1 from (select h.collector, h.tier from lookup_collector h"
                    + " where h.customer_id = c.customer_id and h.occurred_on <= :asOf and h.recorded_at <= :knownAt"
                    + " order by h.sequence_number desc limit 1) a where true");
            if (query.collector() != null) {
                where.append(" and a.collector = :collector");
                params.put("collector", query.collector());
            }
            if (query.tier() != null) {
                where.append(" and a.tier = :tier");
                params.put("tier", query.tier().name());
            }
            where.append(")");
        }
        if (query.receivableClass() != null) {
            where.append(" and exists (select 1 from lookup_receivable r where r.customer_id = c.customer_id and not r.is_plan"
                    + " and r.issued_on <= :asOf and r.issued_at <= :knownAt and " + OPEN_THEN + " > 0 and coalesce((" + """
                    select k.receivable_class from lookup_class k
                    where k.customer_id = r.customer_id and k.receivable_id = r.receivable_id and k.occurred_on <= :asOf and k.recorded_at <= :knownAt
                    order by k.sequence_number desc limit 1), 'CURRENT') = :class)""");
            params.put("class", query.receivableClass().name());
        }
        String limit = wanted == null ? "" : " limit " + wanted;
        List<String> ids;
        if (query.order() == CustomerOrder.NAME) {
            if (after != null) {
                where.append(" and (c.name collate \"C\", c.customer_id collate \"C\") > (:afterName, :afterId)");
                params.put("afterName", after.name());
                params.put("afterId", after.customerId());
            }
            ids = jdbc.sql("select c.customer_id from lookup_customer c where " + where
                    + " order by c.name collate \"C\", c.customer_id collate \"C\"" + limit).params(params).query(String.class).list();
        } else {
            // what it then owed in the currency, nothing when less: the key CustomerCursor keeps
            params.put("currency", query.currency());
            String owed = """
                    greatest(coalesce((select sum(m.amount) from lookup_receivable o
                                       join lookup_movement m on m.customer_id = o.customer_id and m.receivable_id = o.receivable_id
                                       where o.customer_id = c.customer_id and o.currency = :currency and o.issued_on <= :asOf
                                       and o.issued_at <= :knownAt and m.occurred_on <= :asOf and m.recorded_at <= :knownAt), 0), 0)""";
            String placed = "";
            if (after != null) {
                placed = " where x.owed < :afterAmount or (x.owed = :afterAmount and x.customer_id collate \"C\" > :afterId)";
                params.put("afterAmount", after.amount());
                params.put("afterId", after.customerId());
            }
            ids = jdbc.sql("select x.customer_id from (select c.customer_id, " + owed + " as owed from lookup_customer c where " + where
                    + ") x" + placed + " order by x.owed desc, x.customer_id collate \"C\"" + limit).params(params).query(String.class).list();
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += FOLDED_AT_ONCE) {
            for (CustomerRecords records : foldAll(ids.subList(from, Math.min(ids.size(), from + FOLDED_AT_ONCE)), query)) {
                CustomerLine line = CustomerFold.line(records);
                ranked.add(new Ranked(line, cursor(line, query)));
            }
        }
        return ranked;
    }

    /** The principal open on receivable {@code r} as of the query's date, as known at its time: the sum of its moves that qualify. */
    private static final String OPEN_THEN = """
            coalesce((select sum(m.amount) from lookup_movement m where m.customer_id = r.customer_id and m.receivable_id = r.receivable_id
                      and m.occurred_on <= :asOf and m.recorded_at <= :knownAt), 0)""";

    private List<CustomerRecords> foldAll(List<String> customerIds, CustomersQuery query) {
        Map<String, List<CustomerFold.Fact>> facts = new LinkedHashMap<>();
        jdbc.sql("""
                        select customer_id, type, payload::text, recorded_at from lookup_fact
                        where customer_id = any(:ids) and occurred_on <= :asOf and recorded_at <= :knownAt
                        order by customer_id, sequence_number""")
                .param("ids", customerIds.toArray(String[]::new)).param("asOf", query.asOf())
                .param("knownAt", java.sql.Timestamp.from(query.knownAt()))
                .query((rs, n) -> facts.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                        .add(fact(rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())))
                .list();
        LegalLateFeeCaps legalCaps = legalCaps(query.knownAt());
        return facts.entrySet().stream()
                .map(customer -> CustomerFold.fold(customer.getKey(), query.asOf(), query.knownAt(), customer.getValue(), legalCaps))
                .filter(records -> records != null)
                .toList();
    }

    /** The legal cap's changes recorded by then, a later one for the same day in the earlier's place. */
    private LegalLateFeeCaps legalCaps(Instant knownAt) {
        Map<LocalDate, BigDecimal> rates = new TreeMap<>();
        jdbc.sql("select effective_from, annual_percent from lookup_legal_cap where recorded_at <= ? order by sequence_number")
                .param(java.sql.Timestamp.from(knownAt))
                .query(rs -> {
                    rates.put(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("annual_percent"));
                });
        return LegalLateFeeCapsRecorded.of(rates);
    }

    private static String json(AccountEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomerFold.Fact fact(String type, String payload, Instant recordedAt) {
        try {
            return new CustomerFold.Fact(JSON.readValue(payload, TYPES.get(type)), recordedAt);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
