package io.collectionsledger.ledger.documents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The exact bytes of the letters the ledger sent, keyed by their SHA-256 (table {@code document}).
 * Written in the transaction of the command that records the sending, whose connection the
 * JdbcClient joins; read back by the letter they were sent as.
 */
@Component
class KeptDocuments {

    private final JdbcClient jdbc;
    private final Clock clock;

    KeptDocuments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Kept(byte[] content, String sha256, String templateVersion, String language, LocalDate asOf, Instant knownAt) {
    }

    void keep(String customerId, String letterId, LocalDate asOf, Instant knownAt, DocumentLanguage language, RenderedDocument document) {
        jdbc.sql("""
                        insert into document (sha256, media_type, template_version, customer_id, letter_id, as_of, known_at, language, content,
                                              stored_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing""")
                .params(HexFormat.of().parseHex(document.sha256()), DocumentsController.PDF, document.templateVersion(), customerId, letterId,
                        asOf, utc(knownAt), language.tag(), document.pdf(), utc(clock.instant()))
                .update();
    }

    /** The bytes kept of a letter sent to the customer; empty when the ledger made none for it. */
    Optional<Kept> letter(String customerId, String letterId) {
        return jdbc.sql("""
                        select sha256, content, template_version, language, as_of, known_at from document
                        where customer_id = ? and letter_id = ? order by stored_at desc limit 1""")
                .params(customerId, letterId)
                .query((rs, n) -> new Kept(rs.getBytes("content"), HexFormat.of().formatHex(rs.getBytes("sha256")),
                        rs.getString("template_version"), rs.getString("language"), rs.getObject("as_of", LocalDate.class),
                        rs.getObject("known_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
