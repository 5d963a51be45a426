package io.collectionsledger.ledger.command;

import io.collectionsledger.ledger.account.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.List;
import java.util.function.Supplier;

/**
 * One log line per command: the client that sent it, what it was, for which customer, what became
 * of it (recorded, replayed, refused) and how long it took. Commands run together (an import's
 * group) each get their line, with the group's time; a group that fails is no command's outcome,
 * since its commands run again one by one and are logged then.
 */
final class DispatchLog {

    private static final Logger log = LoggerFactory.getLogger(DispatchLog.class);

    private DispatchLog() {
    }

    static List<CommandDispatcher.Outcome> around(List<CommandDispatcher.Request> requests,
                                                  Supplier<List<CommandDispatcher.Outcome>> dispatch) {
        long started = System.nanoTime();
        List<CommandDispatcher.Outcome> outcomes;
        try {
            outcomes = dispatch.get();
        } catch (RuntimeException refused) {
            if (requests.size() == 1) {
                String reason = refused instanceof RuleViolation violation ? violation.rule().code() : refused.getClass().getSimpleName();
                line(requests.get(0), "refused", millisSince(started), 1).addKeyValue("ledger.refusal", reason)
                        .log("{}: refused in {} ms, {}: {}", about(requests.get(0)), millisSince(started), reason, refused.getMessage());
            }
            throw refused;
        }
        long millis = millisSince(started);
        String together = requests.size() == 1 ? "" : " (" + requests.size() + " commands together)";
        for (int i = 0; i < requests.size(); i++) {
            CommandDispatcher.Outcome outcome = outcomes.get(i);
            String result = outcome.replayed() ? "replayed" : "recorded";
            line(requests.get(i), result, millis, requests.size())
                    .addKeyValue("ledger.version", outcome.accepted().version())
                    .addKeyValue("ledger.position", outcome.accepted().position())
                    .log("{}: {} as version {} in {} ms{}", about(requests.get(i)), result, outcome.accepted().version(), millis, together);
        }
        return outcomes;
    }

    private static LoggingEventBuilder line(CommandDispatcher.Request request, String outcome, long millis, int together) {
        return log.atInfo()
                .addKeyValue("ledger.client_id", request.context().clientId())
                .addKeyValue("ledger.command", name(request))
                .addKeyValue("ledger.command_id", request.context().commandId())
                .addKeyValue("ledger.customer_id", request.command().customerId())
                .addKeyValue("ledger.outcome", outcome)
                .addKeyValue("event.duration", millis * 1_000_000)
                .addKeyValue("ledger.commands_together", together);
    }

    /** "RecordPayment for CUST-1 from billing (command tour-8)" */
    private static String about(CommandDispatcher.Request request) {
        return name(request) + " for " + request.command().customerId() + " from " + request.context().clientId()
                + " (command " + request.context().commandId() + ")";
    }

    private static String name(CommandDispatcher.Request request) {
        return request.command().getClass().getSimpleName();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
