package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.ledger.command.CommandContext;
import io.collectionsledger.ledger.command.CommandDispatcher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * Bulk import from an ERP: thousands of commands in one request, each under its own command id,
 * each all-or-nothing in its own transaction with the same rules and idempotency as when sent
 * alone, each answered in its own result.
 */
@RestController
@Tag(name = "Import")
class ImportController {

    static final int MAX_ITEMS = 10_000;

    private final CommandEndpoint commands;
    private final CommandDispatcher dispatcher;

    ImportController(CommandEndpoint commands, CommandDispatcher dispatcher) {
        this.commands = commands;
        this.dispatcher = dispatcher;
    }

    /** One command of the batch: its id, its type (the command's simple name) and its body. */
    record Item(String commandId, String type, ObjectNode command, Long expectedVersion) {
    }

    record Batch(List<Item> items) {
    }

    record ItemResult(int index, String commandId, int status, CommandAccepted accepted, boolean replayed, ProblemDetail problem) {
    }

    record BatchResult(int accepted, int refused, List<ItemResult> results) {
    }

    @PostMapping("/imports")
    @Operation(summary = "Import a batch of commands (customers, contracts, deliveries, invoices, payments...), each on its own")
    BatchResult importBatch(@RequestBody Batch batch) {
        if (batch.items() == null || batch.items().isEmpty() || batch.items().size() > MAX_ITEMS) {
            throw new UnreadableBatch("items must hold 1 to " + MAX_ITEMS + " commands");
        }
        List<ItemResult> results = new ArrayList<>(batch.items().size());
        int accepted = 0;
        for (int i = 0; i < batch.items().size(); i++) {
            Item item = batch.items().get(i);
            try {
                CommandContext context = CommandEndpoint.context(
                        CommandEndpoint.checkedKey("items[" + i + "].commandId", item.commandId()), item.expectedVersion());
                AccountCommand command = commands.bind(ImportableCommands.byName(item.type()), item.command(), java.util.Map.of());
                CommandDispatcher.Outcome outcome = dispatcher.dispatch(command, context);
                results.add(new ItemResult(i, item.commandId(), 200, outcome.accepted(), outcome.replayed(), null));
                accepted++;
            } catch (RuntimeException e) {
                ProblemDetail problem = CommandProblems.of(e);
                results.add(new ItemResult(i, item.commandId(), problem.getStatus(), null, false, problem));
            }
        }
        return new BatchResult(accepted, batch.items().size() - accepted, results);
    }
}
