package io.collectionsledger.ledger.command;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.CommandAccepted;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Runs a command exactly once per client and command id. One database transaction holds the
 * claim of the command id, the events the account appends and the answer, so a success answer
 * means all three are committed, and a failure leaves nothing behind. A concurrent writer to the
 * same account makes the append fail on (aggregate, sequence); the whole transaction is then run
 * again on the fresh state, so no update is lost.
 */
@Component
public class CommandDispatcher {

    private static final int ATTEMPTS = 8;

    private final CommandGateway gateway;
    private final CommandLog commandLog;
    private final CommandFingerprint fingerprint;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    CommandDispatcher(CommandGateway gateway, CommandLog commandLog, CommandFingerprint fingerprint,
                      TransactionTemplate transaction, JdbcClient jdbc) {
        this.gateway = gateway;
        this.commandLog = commandLog;
        this.fingerprint = fingerprint;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    public record Outcome(CommandAccepted accepted, boolean replayed) {
    }

    public Outcome dispatch(AccountCommand command, CommandContext context) {
        String print = fingerprint.of(command);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> once(command, context, print));
            } catch (ConcurrencyException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    private Outcome once(AccountCommand command, CommandContext context, String print) {
        Optional<CommandAccepted> earlier = commandLog.claim(context, command, command.customerId(), print);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), true);
        }
        gateway.sendAndWait(new GenericCommandMessage<>(command).andMetaData(context.metaData()));
        CommandAccepted accepted = jdbc.sql("""
                        select sequence_number, global_index from domain_event_entry
                        where aggregate_identifier = ? order by sequence_number desc limit 1""")
                .param(command.customerId())
                .query((rs, row) -> new CommandAccepted(context.commandId(), command.customerId(),
                        rs.getLong("sequence_number"), rs.getLong("global_index")))
                .single();
        commandLog.complete(context, accepted);
        return new Outcome(accepted, false);
    }
}
