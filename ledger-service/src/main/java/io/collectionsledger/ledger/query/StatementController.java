package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.statement.CustomerStatement;
import io.collectionsledger.contracts.statement.CustomerStatementQuery;
import io.collectionsledger.projections.statement.CustomerStatementProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Statement")
class StatementController {

    private final QueryGateway queries;
    private final ReadModelPositions positions;

    StatementController(QueryGateway queries, ReadModelPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    @GetMapping("/customers/{customerId}/statement")
    @Operation(summary = "The customer's statement of open items; with Ledger-Min-Position, only once it includes that "
            + "position (waiting up to LEDGER_READ_MODEL_WAIT, or less with Prefer: wait=N)")
    CustomerStatement statement(@PathVariable String customerId,
                                @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                                @RequestHeader(name = "Prefer", required = false) String prefer) {
        positions.awaitProcessed(CustomerStatementProjection.PROCESSING_GROUP, customerId, minPosition, prefer);
        return queries.query(new CustomerStatementQuery(customerId), ResponseTypes.instanceOf(CustomerStatement.class)).join();
    }
}
