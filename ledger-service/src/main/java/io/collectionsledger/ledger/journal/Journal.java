package io.collectionsledger.ledger.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.collectionsledger.contracts.audit.HistoryEntry;
import io.collectionsledger.contracts.audit.JournalLine;
import io.collectionsledger.contracts.audit.StoredEvent;
import io.collectionsledger.verifier.JournalRow;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place that names Axon's tables: the journal ({@code domain_event_entry}, which only Axon
 * appends to), its snapshots, the processors' tokens ({@code token_entry}) and the view people read
 * the journal through. Axon takes the tables' names from here ({@link #eventSchema()},
 * {@link #tokenSchema()}); everything else the ledger reads of them is a question answered here, so
 * a change to Axon's schema is a change to this class alone (a test keeps it so). The audit
 * verifier is the one other reader: it runs apart from the service, against the raw table.
 *
 * <p>Grouped by what is asked: where the journal stands, histories, the hash chain and the export,
 * and the processors' tokens. Callers keep their own logic; these methods only read.
 */
@Component
public class Journal {

    // ---------------------------------------------------------------------------------------------
    // The tables, as Axon writes them

    /** Axon's JDBC event store on the tables of the Flyway migrations (snake_case, not Axon's camelCase defaults). */
    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Where the processors' segments are claimed and their positions kept. */
    public static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate historyCursor;
    private final JdbcTemplate exportCursor;
    /** Axon's reader of the journal, found when first read: it is made from this class's schema. */
    private final ObjectProvider<EventStorageEngine> storage;

    Journal(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectProvider<EventStorageEngine> storage) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.historyCursor = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.historyCursor.setFetchSize(500);
        this.exportCursor = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.exportCursor.setFetchSize(1000);
    }

    // ---------------------------------------------------------------------------------------------
    // Where the journal stands

    /** The global index of the newest event appended, 0 before the first. */
    public long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /** The sequence number of the account's newest event (its version), or null for an account with none. One index lookup. */
    public Long lastSequenceNumber(String account) {
        return jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(account)
                .query(Long.class)
                .single();
    }

    /** Whether the account's first event had been recorded by {@code at}: was it open as known then. One index lookup. */
    public boolean opened(String account, Instant at) {
        return jdbc.sql("""
                        select exists(select 1 from domain_event_entry
                                      where aggregate_identifier = ? and sequence_number = 0 and time_stamp::timestamptz <= ?)""")
                .params(account, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Boolean.class)
                .single();
    }

    /** The position of the account's last event recorded by {@code at}, or 0 for none: what a read model must have seen to answer as known then. */
    public long lastPositionRecordedBy(String account, Instant at) {
        return jdbc.sql("""
                        select coalesce(max(global_index), 0) from domain_event_entry
                        where aggregate_identifier = ? and time_stamp::timestamptz <= ?""")
                .params(account, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** An account at a version: the event with that sequence number. */
    public record AccountVersion(String account, long version) {
    }

    /** The global index of each of these versions' events, in one statement; a version with no event is left out. */
    public Map<AccountVersion, Long> positions(List<AccountVersion> versions) {
        Map<AccountVersion, Long> positions = new HashMap<>();
        jdbc.sql("""
                        select e.aggregate_identifier, e.sequence_number, e.global_index
                        from unnest(?::text[], ?::bigint[]) as v(account, version)
                        join domain_event_entry e on e.aggregate_identifier = v.account and e.sequence_number = v.version""")
                .params(versions.stream().map(AccountVersion::account).toArray(String[]::new),
                        versions.stream().map(AccountVersion::version).toArray(Long[]::new))
                .query(rs -> {
                    positions.put(new AccountVersion(rs.getString(1), rs.getLong(2)), rs.getLong(3));
                });
        return positions;
    }

    /**
     * Up to {@code limit} events after the token (from the start for null), in order, as the processors
     * read them: upcast, deserialized, each with its gap-aware token. Read in the caller's transaction.
     */
    public List<TrackedEventMessage<?>> events(TrackingToken after, int limit) {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.getObject().readEvents(after, false)) {
            return events.limit(limit).collect(Collectors.<TrackedEventMessage<?>>toList());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Histories: an account's events, or those naming a contract, an invoice or a legal case

    /**
     * The accounts that recorded an id (a contract, an invoice, a lawsuit) with an event of the logical
     * type {@code eventType}, whose payload holds it in {@code idField}; their events that name the id are
     * those where the JSON path {@code mentions} holds of the payload with {@code $id} bound to it.
     */
    public record RecordedBy(String eventType, String idField, String mentions) {
    }

    /**
     * What a history holds: every event of the account {@code id} when {@code recordedBy} is null, else
     * the events naming {@code id} in the accounts that recorded it; then only those of {@code customerId}'s
     * account (if given), of the logical {@code types} (if any), of business dates {@code occurredFrom} to
     * {@code occurredTo} (inclusive) and recorded from {@code recordedFrom} (inclusive) to {@code recordedTo}
     * (exclusive).
     */
    public record HistoryQuery(String id, RecordedBy recordedBy, String customerId, List<String> types, LocalDate occurredFrom,
                               LocalDate occurredTo, Instant recordedFrom, Instant recordedTo) {
    }

    /** Whether the journal knows the history's subject at all (of that customer, if one is named). */
    public boolean holds(HistoryQuery query) {
        List<Object> params = new ArrayList<>(List.of(query.id()));
        String sql = "select exists(" + accountsRecording(query.recordedBy())
                + (query.customerId() == null ? "" : " and aggregate_identifier = ?") + ")";
        if (query.customerId() != null) {
            params.add(query.customerId());
        }
        return jdbc.sql(sql).params(params).query(Boolean.class).single();
    }

    /** Up to {@code limit} entries after the global index {@code after}, oldest first. */
    public List<HistoryEntry> history(HistoryQuery query, long after, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = history(query, after, params) + " limit ?";
        params.add(limit);
        return jdbc.sql(sql).params(params).query(HISTORY_ENTRY).list();
    }

    /** Every entry after {@code after}, oldest first, read with a cursor; call within a transaction. */
    public void history(HistoryQuery query, long after, Consumer<HistoryEntry> consumer) {
        List<Object> params = new ArrayList<>();
        String sql = history(query, after, params);
        historyCursor.query(sql, (RowCallbackHandler) rs -> consumer.accept(HISTORY_ENTRY.mapRow(rs, 0)), params.toArray());
    }

    /**
     * The accounts that recorded the subject with the id (one parameter). The payload types are
     * literals, not parameters, so that PostgreSQL uses the partial index of V6 for them whatever
     * the plan; both the logical name and the class name events were stored under before are there.
     */
    static String accountsRecording(RecordedBy recordedBy) {
        if (recordedBy == null) {
            return "select aggregate_identifier from domain_event_entry where aggregate_identifier = ? and sequence_number = 0";
        }
        String types = StoredEvent.storedTypes(recordedBy.eventType()).stream()
                .map(type -> "'" + type.replace("'", "''") + "'").collect(Collectors.joining(", "));
        return "select aggregate_identifier from domain_event_entry where payload_type in (" + types
                + ") and ledger_payload(payload) ->> '" + recordedBy.idField() + "' = ?";
    }

    private static String history(HistoryQuery query, long after, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (query.recordedBy() == null) {
            where.append("e.aggregate_identifier = ?");
            params.add(query.id());
        } else {
            where.append("e.aggregate_identifier in (").append(accountsRecording(query.recordedBy())).append(")")
                    .append(" and jsonb_path_exists(p.payload, '").append(query.recordedBy().mentions())
                    .append("', jsonb_build_object('id', ?::text))");
            params.add(query.id());
            params.add(query.id());
        }
        if (query.customerId() != null) {
            where.append(" and e.aggregate_identifier = ?");
            params.add(query.customerId());
        }
        where.append(" and e.global_index > ?");
        params.add(after);
        if (!query.types().isEmpty()) {
            where.append(" and e.payload_type = any(?)");
            params.add(query.types().stream().flatMap(type -> StoredEvent.storedTypes(type).stream()).toArray(String[]::new));
        }
        if (query.occurredFrom() != null) {
            where.append(" and (p.payload ->> 'occurredOn')::date >= ?");
            params.add(query.occurredFrom());
        }
        if (query.occurredTo() != null) {
            where.append(" and (p.payload ->> 'occurredOn')::date <= ?");
            params.add(query.occurredTo());
        }
        if (query.recordedFrom() != null) {
            where.append(" and e.time_stamp::timestamptz >= ?");
            params.add(OffsetDateTime.ofInstant(query.recordedFrom(), ZoneOffset.UTC));
        }
        if (query.recordedTo() != null) {
            where.append(" and e.time_stamp::timestamptz < ?");
            params.add(OffsetDateTime.ofInstant(query.recordedTo(), ZoneOffset.UTC));
        }
        return """
                select e.global_index, e.event_identifier, e.payload_type, e.payload_revision, e.aggregate_identifier, e.sequence_number,
                       e.time_stamp, convert_from(e.payload, 'UTF8') as payload, p.payload ->> 'occurredOn' as occurred_on,
                       m.meta_data ->> 'principal' as principal, m.meta_data ->> 'clientId' as client_id,
                       m.meta_data ->> 'commandId' as command_id, m.meta_data ->> 'correlationId' as correlation_id, c.hash
                from domain_event_entry e
                cross join lateral (select ledger_payload(e.payload) as payload) p
                cross join lateral (select convert_from(e.meta_data, 'UTF8')::jsonb as meta_data) m
                left join event_chain c on c.global_index = e.global_index
                where %s
                order by e.global_index""".formatted(where);
    }

    /** Amounts stay exact decimals on their way through. */
    private static final ObjectReader PAYLOAD = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readerFor(Map.class);

    /** An entry names the event by its logical type, for events stored under their class name too. */
    private static final RowMapper<HistoryEntry> HISTORY_ENTRY = (rs, row) -> {
        String occurredOn = rs.getString("occurred_on");
        return new HistoryEntry(rs.getLong("global_index"), rs.getString("event_identifier"),
                StoredEvent.logicalType(rs.getString("payload_type")), rs.getString("payload_revision"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), occurredOn == null ? null : LocalDate.parse(occurredOn),
                Instant.parse(rs.getString("time_stamp")), rs.getString("principal"), rs.getString("client_id"), rs.getString("command_id"), rs.getString("correlation_id"),
                payload(rs.getString("payload")), rs.getString("hash"));
    };

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(String json) {
        try {
            return PAYLOAD.readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The hash chain and the export: events exactly as stored

    /**
     * The highest global index below which no append can still commit: takes a SHARE lock on the
     * journal for the rest of the caller's transaction, which waits for the appends in flight and
     * holds new ones back. Waits at most {@code wait} for the lock, then throws
     * {@link org.springframework.dao.PessimisticLockingFailureException}; null for an empty journal.
     */
    public Long settledHead(Duration wait) {
        jdbc.sql("set local lock_timeout = '" + wait.toMillis() + "ms'").update();
        jdbc.sql("lock table domain_event_entry in share mode").update();
        return jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
    }

    /** Up to {@code limit} events after the global index {@code after} and up to {@code upTo}, in order, as stored. */
    public List<StoredEvent> stored(long after, long upTo, int limit) {
        return jdbc.sql("select " + STORED_COLUMNS + """
                         from domain_event_entry e where e.global_index > ? and e.global_index <= ?
                        order by e.global_index limit ?""")
                .params(after, upTo, limit).query(STORED_EVENT).list();
    }

    /**
     * Up to {@code limit} events after the global index {@code after}, in order, as stored; only those of
     * the logical {@code types} when any are given (events stored under their class name included).
     */
    public List<StoredEvent> stored(long after, Collection<String> types, int limit) {
        if (types.isEmpty()) {
            return stored(after, Long.MAX_VALUE, limit);
        }
        return jdbc.sql("select " + STORED_COLUMNS + """
                         from domain_event_entry e where e.global_index > ? and e.payload_type = any(?)
                        order by e.global_index limit ?""")
                .params(after, types.stream().flatMap(type -> StoredEvent.storedTypes(type).stream()).toArray(String[]::new), limit)
                .query(STORED_EVENT).list();
    }

    /**
     * Every event with global index from {@code from} to {@code to} (inclusive), as stored, with its
     * link in the chain if it has one, read with a cursor; call within a transaction, which is the
     * snapshot the export shows, after {@link #readWhole}.
     */
    public void export(long from, long to, Consumer<JournalLine> consumer) {
        exportCursor.query("select " + STORED_COLUMNS + """
                        , c.previous_index, c.hash
                        from domain_event_entry e left join event_chain c on c.global_index = e.global_index
                        where e.global_index between ? and ? order by e.global_index""",
                (RowCallbackHandler) rs -> {
                    String hash = rs.getString("hash");
                    consumer.accept(JournalLine.of(STORED_EVENT.mapRow(rs, 0), hash == null ? null : rs.getLong("previous_index"), hash));
                },
                from, to);
    }

    /**
     * The journal as the verifier reads it: every event with its link, in global index order (a link
     * whose event is gone shows in the next link, which follows a global index that holds no event).
     * In index order, so PostgreSQL can merge the two tables without sorting them. Read with a cursor;
     * call within a transaction (at REPEATABLE READ, one snapshot) after {@link #readWhole}, and close the stream.
     */
    public Stream<JournalRow> chainRows() {
        return exportCursor.queryForStream("select " + STORED_COLUMNS + """
                        , c.previous_index, c.hash
                        from domain_event_entry e left join event_chain c on c.global_index = e.global_index
                        order by e.global_index""",
                (rs, row) -> {
                    String hash = rs.getString("hash");
                    return new JournalRow(rs.getLong("global_index"), STORED_EVENT.mapRow(rs, row),
                            hash == null ? null : rs.getLong("previous_index"), hash);
                });
    }

    /**
     * Lets the rest of the caller's transaction read the whole journal, which takes minutes at
     * millions of events where a request's statement gets LEDGER_DATABASE_TIMEOUT: each statement,
     * and each answer on the connection, may take up to {@code limit} (the pool gives the connection
     * its own network timeout back when it is returned), and the rows in global index order come from
     * the two tables' primary keys, merged as they are read. Without {@code enable_sort = off} the
     * planner hashes and sorts the whole journal before the first row at a few tens of thousands of
     * events already, and the first fetch waits for all of it.
     */
    public void readWhole(Duration limit) {
        jdbc.sql("set local statement_timeout = " + limit.toMillis()).update();
        jdbc.sql("set local enable_sort = off").update();
        exportCursor.execute((ConnectionCallback<Void>) connection -> {
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(limit.toMillis()));
            return null;
        });
    }

    /** The events of these ids that are linked into the chain, as stored. */
    public List<StoredEvent> chained(Collection<String> eventIds) {
        return jdbc.sql("select " + STORED_COLUMNS + """
                         from domain_event_entry e join event_chain c on c.global_index = e.global_index
                        where e.event_identifier = any(?)""")
                .param(eventIds.toArray(String[]::new)).query(STORED_EVENT).list();
    }

    /** The raw columns, payload and metadata as bytes, as the chain hashes them. */
    private static final String STORED_COLUMNS = """
            e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, e.time_stamp,
            e.payload_type, e.payload_revision, e.payload, e.meta_data""";

    private static final RowMapper<StoredEvent> STORED_EVENT = (rs, row) -> new StoredEvent(rs.getLong("global_index"),
            rs.getString("event_identifier"), rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
            rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
            rs.getBytes("meta_data"));

    // ---------------------------------------------------------------------------------------------
    // The processors' tokens

    /** A segment's token as stored: serialized by Axon's general serializer, null before the segment handled anything. */
    public record StoredToken(int segment, byte[] token, String tokenType) {
    }

    /**
     * Gives every segment of the processor this token, claimed by {@code owner} at {@code claimedAt} (Axon's
     * format), in the caller's transaction; a processor without tokens gets one segment. No instance of the
     * processor can store a token over it until the claim has timed out: one that was processing the
     * segment fails its next store and gives the segment up, and whoever claims it next starts from here.
     */
    public void handOver(String processorName, StoredToken token, String owner, String claimedAt) {
        int updated = jdbc.sql("update token_entry set token = ?, token_type = ?, owner = ?, timestamp = ? where processor_name = ?")
                .params(token.token(), token.tokenType(), owner, claimedAt, processorName).update();
        if (updated == 0) {
            jdbc.sql("insert into token_entry (processor_name, segment, token, token_type, owner, timestamp) values (?, 0, ?, ?, ?, ?)")
                    .params(processorName, token.token(), token.tokenType(), owner, claimedAt).update();
        }
    }

    /** The tokens of every segment of the processor, whichever instance holds them. */
    public List<StoredToken> tokens(String processorName) {
        return jdbc.sql("select segment, token, token_type from token_entry where processor_name = ?")
                .param(processorName)
                .query((rs, row) -> new StoredToken(rs.getInt("segment"), rs.getBytes("token"), rs.getString("token_type")))
                .list();
    }
}
