package io.collectionsledger.ledger.command;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.ledger.account.CollectionPolicy;
import io.collectionsledger.ledger.account.DueDates;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs commands exactly once per client and command id. One database transaction holds the
 * claim of the command ids, the events the accounts append and the answers, so a success answer
 * means all of them are committed, and a failure leaves nothing behind.
 * <p>
 * The transaction is an Axon unit of work around the commands' own: the accounts they load stay
 * locked, and the events they apply stay staged, until it commits; the events of all its commands
 * are then appended in one batch. A concurrent writer to the same account from another instance
 * makes the append fail on (aggregate, sequence); the whole transaction is then run again on the
 * fresh state, after a random pause that grows with each conflict, so no update is lost.
 * <p>
 * The same transaction records, for every account a command ran on, the first day its close is due
 * ({@link AccountAgenda}), as the account tells it from its state after the last of them.
 */
@Component
public class CommandDispatcher {

    private static final int ATTEMPTS = 8;
    private static final long MAX_BACK_OFF_MILLIS = 100;

    private final CommandGateway gateway;
    private final CommandLog commandLog;
    private final CommandFingerprint fingerprint;
    private final TransactionManager transactionManager;
    /** The accounts, read here only for the version at which this unit of work leaves one (it still holds them). */
    private final Repository<?> accounts;
    private final AccountAgenda agenda;
    private final CollectionPolicy policy;

    CommandDispatcher(CommandGateway gateway, CommandLog commandLog, CommandFingerprint fingerprint,
                      TransactionManager transactionManager,
                      @Qualifier("customerAccountRepository") Repository<?> accounts, AccountAgenda agenda, CollectionPolicy policy) {
        this.gateway = gateway;
        this.commandLog = commandLog;
        this.fingerprint = fingerprint;
        this.transactionManager = transactionManager;
        this.accounts = accounts;
        this.agenda = agenda;
        this.policy = policy;
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
                backOff(attempt);
            }
        }
    }

    /**
     * Waits a random while, up to twice as long after each conflict: retried at once, writers on
     * one account through two instances keep meeting each other, and one of them can lose every attempt.
     */
    private static void backOff(int attempt) {
        long bound = Math.min(MAX_BACK_OFF_MILLIS, 1L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command that met a concurrent update", interrupted);
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
            Set<String> touched = new TreeSet<>();
            for (int i = 0; i < requests.size(); i++) {
                Request request = requests.get(i);
                if (earlier.get(i).isPresent()) {
                    outcomes.add(new Outcome(earlier.get(i).get(), true));
                    continue;
                }
                outcomes.add(null);
                gateway.sendAndWait(new GenericCommandMessage<>(request.command()).andMetaData(request.context().metaData()));
                ran.add(i);
                String customerId = request.command().customerId();
                Aggregate<?> account = accounts.load(customerId);
                completions.add(new CommandLog.Completion(request.context(), customerId, account.version()));
                touched.add(customerId);
            }
            // once per account, from its state after the last of its commands: an import's account may take hundreds,
            // and the day looks at every open term; in the order of the accounts, so that transactions writing the
            // same rows lock them in one order
            Map<String, Optional<LocalDate>> firstDaysDue = new TreeMap<>();
            touched.forEach(customerId -> firstDaysDue.put(customerId,
                    accounts.load(customerId).invoke(state -> ((DueDates) state).firstDayDue(policy))));
            // Registered after every command ran, so it follows the event bus's own prepare-commit
            // step that appends their events: the answers can name the events' positions.
            unitOfWork.onPrepareCommit(u -> {
                if (completions.isEmpty()) {
                    return;
                }
                agenda.record(firstDaysDue);
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
