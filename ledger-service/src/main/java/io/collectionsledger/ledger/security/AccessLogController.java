package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.query.InvalidQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Auditing")
class AccessLogController {

    private static final int MAX_PAGE = 1000;

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    record AccessPage(List<AccessLog.Access> entries, Long next) {
    }

    @GetMapping(value = "/audit/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who saw what: reads by auditors and analysts, oldest first; page with after=<next>")
    AccessPage accessLog(@RequestParam(required = false) String principal,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                         @RequestParam(defaultValue = "0") long after,
                         @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidQuery("limit: from 1 to " + MAX_PAGE + "; got " + limit);
        }
        List<AccessLog.Access> entries = accessLog.find(principal, from, to, after, limit);
        return new AccessPage(entries, entries.size() == limit ? entries.get(entries.size() - 1).id() : null);
    }
}
