package io.collectionsledger.ledger.party;

import io.collectionsledger.contracts.party.RecordLedgerParty;
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
 * The ledger's own party, recorded once by a service and corrected by later records: the sender
 * of the letters the ledger makes. It is not a customer's account, so it is not among the
 * commands on accounts; recording the same party twice only repeats the fact, so it needs no
 * Idempotency-Key. Its event carries who recorded it, as an account's events do.
 */
@RestController
@Tag(name = "Administration")
class LedgerPartyController {

    private final CommandGateway commands;
    private final Journal journal;

    LedgerPartyController(CommandGateway commands, Journal journal) {
        this.commands = commands;
        this.journal = journal;
    }

    /** Answers the journal's head as Ledger-Position, as a command does: a document asked for with it names this party. */
    // produces: a client that takes no JSON (what a refusal is written in) is refused before the party is recorded
    @PostMapping(value = "/admin/ledger-party", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the party the ledger keeps accounts for (the sender of its letters: name, registration number, "
            + "postal address, bank account) from a date on; a later record corrects or replaces it from its own date")
    ResponseEntity<Void> record(@RequestBody RecordLedgerParty party) {
        Caller caller = Caller.current();
        Map<String, Object> recordedBy = new HashMap<>();
        recordedBy.put(CommandContext.CLIENT_ID, caller.clientId());
        recordedBy.put(CommandContext.PRINCIPAL, caller.principal());
        recordedBy.put(CommandContext.ROLES, String.join(",", caller.roles()));
        recordedBy.put(CommandContext.CORRELATION_ID, MDC.get(CorrelationIdFilter.MDC_KEY));
        commands.sendAndWait(new GenericCommandMessage<>(party).andMetaData(recordedBy));
        return ResponseEntity.noContent().header(Headers.POSITION, Long.toString(journal.head())).build();
    }
}
