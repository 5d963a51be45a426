package io.collectionsledger.ledger.time;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.http.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Administration")
class CloseOfDayController {

    private final CloseOfDay closeOfDay;

    CloseOfDayController(CloseOfDay closeOfDay) {
        this.closeOfDay = closeOfDay;
    }

    /**
     * Answers as Ledger-Position the position of the last event the run wrote, as a command answers its
     * account's: a report asked for with it includes what the run recorded (0 when it closed no account).
     */
    @PostMapping(value = "/admin/close-of-day", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close every business day up to today now, instead of waiting for the hourly run, or only up to the "
            + "day given as through; Ledger-Position is the position of the last event the run wrote")
    ResponseEntity<CloseOfDay.Run> closeNow(
            @Parameter(description = "the last business day to close (default today): from the last day closed, never after today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate through) {
        CloseOfDay.Run run = through == null ? closeOfDay.closeDaysThroughToday() : closeOfDay.closeDaysThrough(through);
        return ResponseEntity.ok().header(Headers.POSITION, Long.toString(run.position())).body(run);
    }

    @ExceptionHandler
    ProblemDetail alreadyClosed(DayAlreadyClosed e) {
        return Problems.of(HttpStatus.CONFLICT, "day-already-closed", "Day already closed", e.getMessage());
    }
}
