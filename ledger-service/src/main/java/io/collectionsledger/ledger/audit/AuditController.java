package io.collectionsledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.audit.PublishedDigest;
import io.collectionsledger.ledger.journal.Journal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Duration;

/** What an auditor takes away: the chain's digest to keep, and the whole journal to check it against. */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final Journal journal;
    private final ChainHead chainHead;
    private final TransactionTemplate readOnly;
    private final ObjectMapper mapper;
    private final Duration readTimeout;

    AuditController(Journal journal, ChainHead chainHead, PlatformTransactionManager transactions, ObjectMapper mapper,
                    @Value("${ledger.audit.read-timeout:PT10M}") Duration readTimeout) {
        this.journal = journal;
        this.chainHead = chainHead;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.mapper = mapper;
        this.readTimeout = readTimeout;
    }

    @GetMapping(value = "/audit/digest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The chain's head: keep `digest` (position:headHash) and give it to the verifier later; "
            + "journalHead - position is what the chainer has still to link; `alarm` is the tampering the service found, while "
            + "its alarm is raised (then keep no digest)")
    PublishedDigest digest() {
        return chainHead.digest();
    }

    @GetMapping(value = "/audit/journal.ndjson", produces = Ndjson.MEDIA_TYPE)
    @Operation(summary = "Every event as stored with its link in the chain, from one snapshot, one JSON object per line "
            + "(global indexes from..to, inclusive): the verifier's input when it cannot reach the database. `type` is the payload "
            + "type as stored, which the chain hashes; `logicalType` the event's logical type name beside it")
    void journal(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                 HttpServletResponse response) throws IOException {
        Ndjson out = Ndjson.open(response, "journal.ndjson", mapper);
        readOnly.executeWithoutResult(status -> {
            // the whole journal, at millions of events, is read for longer than a request may wait
            journal.readWhole(readTimeout);
            journal.export(from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to, out::write);
        });
    }
}
