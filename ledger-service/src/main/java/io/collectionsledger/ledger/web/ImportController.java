package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.ledger.command.CommandContext;
import io.collectionsledger.ledger.command.CommandDispatcher;
import io.collectionsledger.ledger.http.DatabaseUnavailable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bulk import from an ERP: thousands of commands in one request, each under its own command id,
 * with the same rules and idempotency as when sent alone, each answered in its own result.
 * Consecutive items run together in one transaction (their events appended in one batch); when
 * any of them is refused, that group runs again one item per transaction, so each item is still
 * all or nothing and a refused item takes no other with it.
 */
@RestController
@Tag(name = "Import")
class ImportController {

    static final int MAX_ITEMS = 10_000;
    private static final int ITEMS_PER_TRANSACTION = 500;

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

    @PostMapping(value = "/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a batch of commands (customers, contracts, deliveries, invoices, payments...), each on its own")
    BatchResult importBatch(@RequestBody Batch batch) {
        if (batch.items() == null || batch.items().isEmpty() || batch.items().size() > MAX_ITEMS) {
            throw new UnreadableBatch("items must hold 1 to " + MAX_ITEMS + " commands");
        }
        for (int i = 0; i < batch.items().size(); i++) {
            if (batch.items().get(i) == null) {
                throw new UnreadableBatch("items[" + i + "] is null; each item is a command with its commandId, type and command");
            }
        }
        ItemResult[] results = new ItemResult[batch.items().size()];
        List<Integer> indices = new ArrayList<>();
        List<CommandDispatcher.Request> requests = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            Item item = batch.items().get(i);
            try {
                CommandContext context = CommandEndpoint.context(
                        CommandEndpoint.checkedKey("items[" + i + "].commandId", item.commandId()), item.expectedVersion());
                CommandRoute route = CommandRoutes.importable(item.type());
                if (item.expectedVersion() != null) {
                    CommandEndpoint.requireNoVersion(route, "items[" + i + "].expectedVersion");
                }
                AccountCommand command = commands.bind(route.command(), item.command(), Map.of());
                indices.add(i);
                requests.add(new CommandDispatcher.Request(command, context));
            } catch (RuntimeException e) {
                results[i] = refused(i, item, e);
            }
        }
        for (int from = 0; from < requests.size(); from += ITEMS_PER_TRANSACTION) {
            int to = Math.min(from + ITEMS_PER_TRANSACTION, requests.size());
            try {
                List<CommandDispatcher.Outcome> outcomes = dispatcher.dispatchTogether(requests.subList(from, to));
                for (int k = from; k < to; k++) {
                    results[indices.get(k)] = accepted(indices.get(k), outcomes.get(k - from));
                }
            } catch (RuntimeException groupRefused) {
                // were they run one by one, each would wait for the database in vain: the batch is answered 503,
                // and sending it again records what is missing and answers what was recorded
                if (DatabaseUnavailable.causedBy(groupRefused)) {
                    throw groupRefused;
                }
                for (int k = from; k < to; k++) {
                    int i = indices.get(k);
                    CommandDispatcher.Request request = requests.get(k);
                    try {
                        results[i] = accepted(i, dispatcher.dispatch(request.command(), request.context()));
                    } catch (RuntimeException e) {
                        if (DatabaseUnavailable.causedBy(e)) {
                            throw e;
                        }
                        results[i] = refused(i, batch.items().get(i), e);
                    }
                }
            }
        }
        int accepted = (int) Arrays.stream(results).filter(result -> result.problem() == null).count();
        return new BatchResult(accepted, results.length - accepted, List.of(results));
    }

    private static ItemResult accepted(int index, CommandDispatcher.Outcome outcome) {
        return new ItemResult(index, outcome.accepted().commandId(), 200, outcome.accepted(), outcome.replayed(), null);
    }

    private static ItemResult refused(int index, Item item, RuntimeException e) {
        ProblemDetail problem = CommandProblems.of(e);
        return new ItemResult(index, item.commandId(), problem.getStatus(), null, false, problem);
    }
}
