package io.collectionsledger.ledger.time;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration")
class CloseOfDayController {

    private final CloseOfDay closeOfDay;

    CloseOfDayController(CloseOfDay closeOfDay) {
        this.closeOfDay = closeOfDay;
    }

    @PostMapping(value = "/admin/close-of-day", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close every business day up to today now, instead of waiting for the hourly run")
    CloseOfDay.Run closeNow() {
        return closeOfDay.closeDaysThroughToday();
    }
}
