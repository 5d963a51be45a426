package io.collectionsledger.ledger.policy;

import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal cap on late fees comes from the journal: the configured rate is recorded once, at the first
 * start, as in force from the beginning; a change is recorded with its date through the admin endpoint,
 * and a change that would reach back to days already past is refused as a problem, recording nothing.
 */
class LegalLateFeeCapIT {

    private static final String DATABASE = FreshDatabase.another();
    private final MovableClock clock = new MovableClock(LedgerIT.START);
    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theConfiguredCapIsRecordedOnceAtTheFirstStartAndAChangeFromADateOnward() {
        service = RunningService.start(DATABASE, clock);
        service.close();
        service = RunningService.start(DATABASE, clock, "--ledger.policy.legal-late-fee-cap-annual-percent=12");   // a later setting changes nothing
        assertThat(changes()).containsExactly("1970-01-01 15.4");

        ResponseEntity<Void> recorded = service.http().post().uri("/admin/legal-late-fee-cap").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"changeId": "LPR-2027-01", "effectiveFrom": "2027-01-01", "annualPercent": 14.8, "reason": "4 x the one-year LPR of 3.70%"}""")
                .retrieve().toBodilessEntity();

        assertThat(recorded.getStatusCode().value()).isEqualTo(204);
        assertThat(recorded.getHeaders().getFirst("Ledger-Position")).isNotBlank();
        assertThat(changes()).containsExactly("1970-01-01 15.4", "2027-01-01 14.8");
        LegalLateFeeCaps caps = service.bean(RecordedLegalLateFeeCaps.class).recorded();
        assertThat(caps.annualPercentOn(LocalDate.parse("2026-12-31"))).isEqualByComparingTo(new BigDecimal("15.4"));
        assertThat(caps.annualPercentOn(LocalDate.parse("2027-01-01"))).isEqualByComparingTo(new BigDecimal("14.8"));
    }

    @Test
    void aChangeReachingBackOrOutOfRangeIsAProblemAndRecordsNothing() {
        service = RunningService.start(FreshDatabase.another(), clock);
        for (String body : List.of(
                """
                {"changeId": "LPR-2026-10", "effectiveFrom": "2026-10-01", "annualPercent": 14.8, "reason": "reaches back"}""",
                """
                {"changeId": "LPR-X", "effectiveFrom": "2027-01-01", "annualPercent": -1, "reason": "below zero"}""")) {
            ResponseEntity<String> refused = service.http().post().uri("/admin/legal-late-fee-cap").contentType(MediaType.APPLICATION_JSON)
                    .body(body).exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                            .headers(response.getHeaders()).body(new String(response.getBody().readAllBytes())));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody()).contains("invalid-command");
        }
        assertThat(changes()).containsExactly("1970-01-01 15.4");
    }

    private List<String> changes() {
        return service.jdbc().sql("""
                        select (payload ->> 'effectiveFrom') || ' ' || (payload ->> 'annualPercent') from event_journal
                        where aggregate_identifier = '_late-fee-policy' order by global_index""")
                .query(String.class).list();
    }
}
