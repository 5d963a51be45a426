package io.collectionsledger.ledger.time;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.journal.Journal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration")
class CloseOfDayController {

    private final CloseOfDay closeOfDay;
    private final Journal journal;

    CloseOfDayController(CloseOfDay closeOfDay, Journal journal) {
        this.closeOfDay = closeOfDay;
        this.journal = journal;
    }

    /** Answers the journal's head after the run as Ledger-Position, as a command does: a report asked for with it includes the run. */
    @PostMapping(value = "/admin/close-of-day", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close every business day up to today now, instead of waiting for the hourly run; Ledger-Position "
            + "includes what the run recorded")
    ResponseEntity<CloseOfDay.Run> closeNow() {
        CloseOfDay.Run run = closeOfDay.closeDaysThroughToday();
        return ResponseEntity.ok().header(Headers.POSITION, Long.toString(journal.head())).body(run);
    }
}
