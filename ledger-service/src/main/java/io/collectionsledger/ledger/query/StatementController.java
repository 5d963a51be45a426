package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.statement.CustomerStatement;
import io.collectionsledger.contracts.statement.CustomerStatementQuery;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.projections.statement.CustomerStatementProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@Tag(name = "Statement")
class StatementController {

    private final ReadModelQueries readModels;
    private final Clock clock;
    private final BusinessCalendar calendar;

    StatementController(ReadModelQueries readModels, Clock clock, BusinessCalendar calendar) {
        this.readModels = readModels;
        this.clock = clock;
        this.calendar = calendar;
    }

    @GetMapping(value = "/customers/{customerId}/statement", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer's statement of open items; with Ledger-Min-Position, only once it includes that "
            + "position (waiting up to LEDGER_READ_MODEL_WAIT, or less with Prefer: wait=N)")
    CustomerStatement statement(@PathVariable String customerId, MinPosition minPosition) {
        return readModels.askAbout(customerId, clock.instant(), CustomerStatementProjection.PROCESSING_GROUP, minPosition,
                new CustomerStatementQuery(customerId, calendar.today()), CustomerStatement.class);
    }
}
