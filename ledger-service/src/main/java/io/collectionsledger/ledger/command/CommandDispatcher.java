package io.collectionsledger.ledger.command;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.CommandAccepted;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs commands exactly once per client and command id. One database transaction holds the
 * claim of the command ids, the events the accounts append and the answers, so a success answer
 * means all of them are committed, and a failure leaves nothing behind.
 * <p>
 * The transaction is an Axon unit of work around the commands' own: the accounts they load stay
 * locked, and the events they apply stay staged, until it commits; the events of all its commands
 * are then appended in one batch. A concurrent writer to the same account from another instance
 * makes the append fail on (aggregate, sequence); the whole transaction is then run again on the
 * fresh state, so no update is lost.
 */
@Component
public class CommandDispatcher {

    private static final int ATTEMPTS = 8;

    private final CommandGateway gateway;
    private final CommandLog commandLog;
    private final CommandFingerprint fingerprint;
    private final TransactionManager transactionManager;
    /** The accounts, read here only for the version at which this unit of work leaves one (it still holds them). */
    private final Repository<?> accounts;

    CommandDispatcher(CommandGateway gateway, CommandLog commandLog, CommandFingerprint fingerprint,
                      TransactionManager transactionManager,
                      @Qualifier("customerAccountRepository") Repository<?> accounts) {
        this.gateway = gateway;
        this.commandLog = commandLog;
        this.fingerprint = fingerprint;
        this.transactionManager = transactionManager;
        this.accounts = accounts;
    }

    public record Request(AccountCommand command, CommandContext context) {
    }

    public record Outcome(CommandAccepted accepted, boolean replayed) {
    }

    public Outcome dispatch(AccountCommand command, CommandContext context) {
        return dispatchTogether(List.of(new Request(command, context))).get(0);
    }

    /**
     * Runs the commands in order in one transaction: each sees what the ones before it did, and
     * either all are recorded (or answered from an earlier run) or none is, and the first failure
     * is thrown. A command id may appear once.
     */
    public List<Outcome> dispatchTogether(List<Request> requests) {
        return DispatchLog.around(requests, () -> runTogether(requests));
    }

    private List<Outcome> runTogether(List<Request> requests) {
        Set<CommandLog.Key> ids = new HashSet<>();
        List<CommandLog.Claim> claims = new ArrayList<>(requests.size());
        for (Request request : requests) {
            if (!ids.add(CommandLog.Key.of(request.context()))) {
                throw new IllegalArgumentException("command id " + request.context().commandId() + " appears twice in one transaction");
            }
            claims.add(new CommandLog.Claim(request.context(), request.command(), request.command().customerId(),
                    fingerprint.of(request.command())));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(requests, claims);
            } catch (ConcurrencyException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    private List<Outcome> once(List<Request> requests, List<CommandLog.Claim> claims) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            List<Optional<CommandAccepted>> earlier = commandLog.claim(claims);
            List<Integer> ran = new ArrayList<>();
            List<CommandLog.Completion> completions = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                Request request = requests.get(i);
                if (earlier.get(i).isPresent()) {
                    outcomes.add(new Outcome(earlier.get(i).get(), true));
                    continue;
                }
                outcomes.add(null);
                gateway.sendAndWait(new GenericCommandMessage<>(request.command()).andMetaData(request.context().metaData()));
                ran.add(i);
                completions.add(new CommandLog.Completion(request.context(), request.command().customerId(),
                        accounts.load(request.command().customerId()).version()));
            }
            // Registered after every command ran, so it follows the event bus's own prepare-commit
            // step that appends their events: the answers can name the events' positions.
            unitOfWork.onPrepareCommit(u -> {
                if (completions.isEmpty()) {
                    return;
                }
                List<CommandAccepted> accepted = commandLog.complete(completions);
                for (int k = 0; k < ran.size(); k++) {
                    outcomes.set(ran.get(k), new Outcome(accepted.get(k), false));
                }
            });
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
        return outcomes;
    }
}
