package io.collectionsledger.ledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.collectionsledger.contracts.audit.HistoryEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads histories straight from the journal, so they are complete the moment a command is
 * answered: no read model stands between the auditor and the facts.
 */
@Component
class History {

    /** What to read: the subject and the filters. Dates are inclusive; recordedTo is exclusive. */
    record Query(Subject subject, String id, String customerId, List<String> types, LocalDate occurredFrom, LocalDate occurredTo,
                 Instant recordedFrom, Instant recordedTo) {
    }

    /** Amounts stay exact decimals on their way through. */
    private static final ObjectReader PAYLOAD = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readerFor(Map.class);

    private static final RowMapper<HistoryEntry> ENTRY = (rs, row) -> {
        String occurredOn = rs.getString("occurred_on");
        return new HistoryEntry(rs.getLong("global_index"), rs.getString("event_identifier"), simpleName(rs.getString("payload_type")),
                rs.getString("payload_revision"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                occurredOn == null ? null : LocalDate.parse(occurredOn), Instant.parse(rs.getString("time_stamp")),
                rs.getString("principal"), rs.getString("client_id"), rs.getString("command_id"), rs.getString("correlation_id"),
                payload(rs.getString("payload")), rs.getString("hash"));
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate cursor;

    History(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.cursor.setFetchSize(500);
    }

    boolean exists(Query query) {
        List<Object> params = new ArrayList<>(List.of(query.id()));
        String sql = "select exists(" + query.subject().accounts() + (query.customerId() == null ? "" : " and aggregate_identifier = ?") + ")";
        if (query.customerId() != null) {
            params.add(query.customerId());
        }
        return jdbc.sql(sql).params(params).query(Boolean.class).single();
    }

    /** Up to {@code limit} entries after the global index {@code after}, oldest first. */
    List<HistoryEntry> page(Query query, long after, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = select(query, after, params) + " limit ?";
        params.add(limit);
        return jdbc.sql(sql).params(params).query(ENTRY).list();
    }

    /** Every entry after {@code after}, read with a cursor; call within a transaction. */
    void each(Query query, long after, Consumer<HistoryEntry> consumer) {
        List<Object> params = new ArrayList<>();
        String sql = select(query, after, params);
        cursor.query(sql, (RowCallbackHandler) rs -> consumer.accept(ENTRY.mapRow(rs, 0)), params.toArray());
    }

    private static String select(Query query, long after, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (query.subject() == Subject.CUSTOMER) {
            where.append("e.aggregate_identifier = ?");
            params.add(query.id());
        } else {
            where.append("e.aggregate_identifier in (").append(query.subject().accounts()).append(")")
                    .append(" and jsonb_path_exists(p.payload, '").append(query.subject().mentions).append("', jsonb_build_object('id', ?::text))");
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
            params.add(query.types().toArray(String[]::new));
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

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(String json) {
        try {
            return PAYLOAD.readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
