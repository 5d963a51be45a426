package io.collectionsledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.audit.ChainDigest;
import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.PublishedDigest;
import io.collectionsledger.ledger.journal.Journal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** What an auditor takes away: the chain's digest to keep, and the whole journal to check it against. */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final Journal journal;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final ObjectMapper mapper;
    private final Chainer chainer;
    private final ChainAlarm alarm;

    AuditController(Journal journal, JdbcClient jdbc, PlatformTransactionManager transactions, ObjectMapper mapper, Chainer chainer,
                    ChainAlarm alarm) {
        this.journal = journal;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.mapper = mapper;
        this.chainer = chainer;
        this.alarm = alarm;
    }

    @GetMapping("/audit/digest")
    @Operation(summary = "The chain's head: keep `digest` (position:headHash) and give it to the verifier later; "
            + "journalHead - position is what the chainer has still to link; `alarm` is the tampering the service found, while "
            + "its alarm is raised (then keep no digest)")
    PublishedDigest digest() {
        PublishedDigest head = readOnly.execute(status -> {
            long journalHead = journal.head();
            return jdbc.sql("select global_index, hash, chained_at from event_chain order by global_index desc limit 1")
                    .query((rs, row) -> PublishedDigest.of(new ChainDigest(rs.getLong(1), rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), journalHead))
                    .optional()
                    .orElse(PublishedDigest.of(new ChainDigest(0, ChainHash.GENESIS), null, journalHead));
        });
        // once shown, the chain may never go below it
        chainer.publish(new ChainDigest(head.position(), head.headHash()));
        return alarm.current().map(raised -> head.withAlarm(new PublishedDigest.Alarm(raised.finding(), raised.raisedAt()))).orElse(head);
    }

    @GetMapping(value = "/audit/journal.ndjson", produces = Ndjson.MEDIA_TYPE)
    @Operation(summary = "Every event as stored with its link in the chain, from one snapshot, one JSON object per line "
            + "(global indexes from..to, inclusive): the verifier's input when it cannot reach the database. `type` is the payload "
            + "type as stored, which the chain hashes; `logicalType` the event's logical type name beside it")
    void journal(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                 HttpServletResponse response) throws IOException {
        Ndjson out = Ndjson.open(response, "journal.ndjson", mapper);
        readOnly.executeWithoutResult(status -> journal.export(from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to,
                out::write));
    }
}
