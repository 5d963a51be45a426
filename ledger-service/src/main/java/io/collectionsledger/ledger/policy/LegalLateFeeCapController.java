package io.collectionsledger.ledger.policy;

import io.collectionsledger.contracts.policy.ChangeLegalLateFeeCap;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.command.CommandContext;
import io.collectionsledger.ledger.http.Caller;
import io.collectionsledger.ledger.http.CorrelationIdFilter;
import io.collectionsledger.ledger.journal.Journal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.Map;

/**
 * A dated change of the legal cap on late fees, recorded as a policy event: fees of the days from its
 * date take the new rate, fees of earlier days keep theirs. Not a customer's command; recording the same
 * {@code changeId} again records nothing, so it needs no Idempotency-Key. Its event carries who recorded it.
 */
@RestController
@Tag(name = "Administration")
class LegalLateFeeCapController {

    private final CommandGateway commands;
    private final RecordedLegalLateFeeCaps caps;
    private final Journal journal;

    LegalLateFeeCapController(CommandGateway commands, RecordedLegalLateFeeCaps caps, Journal journal) {
        this.commands = commands;
        this.caps = caps;
        this.journal = journal;
    }

    // produces: a client that takes no JSON (what a refusal is written in) is refused before the change is recorded
    @PostMapping(value = "/admin/legal-late-fee-cap", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a change of the legal cap on late fees (an annual percentage on the principal overdue on each day) "
            + "in force from a date no earlier than today; fees of earlier days keep the rate they accrued under")
    ResponseEntity<Void> change(@RequestBody ChangeLegalLateFeeCap change) {
        Caller caller = Caller.current();
        Map<String, Object> recordedBy = new HashMap<>();
        recordedBy.put(CommandContext.CLIENT_ID, caller.clientId());
        recordedBy.put(CommandContext.PRINCIPAL, caller.principal());
        recordedBy.put(CommandContext.ROLES, String.join(",", caller.roles()));
        recordedBy.put(CommandContext.CORRELATION_ID, MDC.get(CorrelationIdFilter.MDC_KEY));
        commands.sendAndWait(new GenericCommandMessage<>(change).andMetaData(recordedBy));
        caps.read();
        return ResponseEntity.noContent().header(Headers.POSITION, Long.toString(journal.head())).build();
    }
}
