package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's account: the unit of consistency, so rules that span its parts (allocation
 * order across invoices, unapplied credit, what is open, promises judged against payments) hold
 * under concurrent commands. Each part keeps its own state and rules and handles its own
 * commands; the account checks what every command shares, and runs the two commands whose
 * consequences cross parts: a payment, and the close of a business day.
 * <p>
 * An account not in the cache is read from its latest snapshot and the events after it (see
 * {@link AccountSnapshots} and the {@code accountSnapshots} trigger). The revision names the shape of
 * the state a snapshot holds: raise it with any change to the fields of the account or its parts
 * ({@link SnapshotState}), and snapshots of another revision are ignored.
 */
@Aggregate(cache = "accountCache", snapshotTriggerDefinition = "accountSnapshots")
@Revision("1")
@SnapshotState
class CustomerAccount implements DueDates {

    @AggregateIdentifier
    private String customerId;

    /** Contracts and deliveries: what invoices rest on. */
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final Contracts contracts = new Contracts();
    /** Invoices and plans with their terms; credit notes, write-offs and recoveries. */
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final Invoices invoices = new Invoices(contracts);
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final Disputes disputes = new Disputes(invoices);
    /** Payments and unapplied credit. */
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final Payments payments = new Payments(invoices);
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final LegalCases legalCases = new LegalCases(invoices);
    /** Promises to pay and payment plans. */
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final Promises promises = new Promises(invoices, payments, legalCases);
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final DunningLetters dunningLetters = new DunningLetters(invoices, disputes);
    /** Reconciliation statements, contact attempts, guarantees and asset leads. */
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final Evidence evidence = new Evidence(invoices, payments);
    /** Credit limit, order holds, supply, collector and early warnings. */
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final CreditFile creditFile = new CreditFile(invoices);

    CustomerAccount() {
        // for Axon, which rebuilds the account from its events
    }

    @CommandHandler
    CustomerAccount(RegisterCustomer command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        apply(new CustomerRegistered(command.customerId(), command.name(), command.registrationNumber(),
                command.occurredOn(), command.creditFile()));
    }

    /**
     * What every command on a registered account shares, checked before its part sees it: a client
     * that sends the version it expects acts only on that version, and no fact is dated after today.
     */
    @CommandHandlerInterceptor
    Object beforeEveryCommand(CommandMessage<?> command, InterceptorChain chain, BusinessCalendar calendar) throws Exception {
        Object expected = command.getMetaData().get(StaleVersion.EXPECTED_VERSION);
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && current != null && ((Number) expected).longValue() != current) {
            throw new StaleVersion(((Number) expected).longValue(), current);
        }
        calendar.requireNotInFuture(((AccountCommand) command.getPayload()).occurredOn());
        return chain.proceed();
    }

    /**
     * A payment is allocated to the late fees accrued before its date (so they are fixed first), and may
     * correct promise outcomes, raise the credit limit and release held orders, as of its own date; one
     * dated before others already recorded judges the runs of early payments and the holds recorded
     * again, correcting what it changes (holds it shows missing are the next close's: the account is
     * due from their day).
     */
    @CommandHandler
    void handle(RecordPayment command, BusinessCalendar calendar, CollectionPolicy policy) {
        invoices.fixLateFeesBefore(command.customerId(), command.occurredOn(), invoices.all(), policy);
        payments.record(command, policy);
        promises.correctOutcomes(customerId, command.paymentId(), command.occurredOn(), calendar.today(), policy);
        creditFile.judgeRaises(customerId, policy);
        creditFile.judgeHolds(customerId, calendar.today(), policy, "payment " + command.paymentId() + " settled what held them", false);
    }

    /**
     * The facts the business days through this one produce (see {@link BusinessDayClose}), judged
     * on the business dates of every fact recorded, so history recorded after its days (an import,
     * a payment keyed in late) gets its stages, holds and raises on their own days, and what it
     * makes wrong a correcting event. Each is recorded once: state remembers what was recorded, so
     * closing a day again, or an earlier day after a later one, adds nothing.
     */
    @CommandHandler
    void handle(CloseBusinessDay command, CollectionPolicy policy) {
        LocalDate day = command.businessDate();
        BusinessDayClose close = new BusinessDayClose(customerId, day, policy);
        close.judgePromises(promises.all(), payments).forEach(AggregateLifecycle::apply);
        // fees first: what is open on the day a term enters a stage counts the fees fixed through that day, and a term
        // whose only open amount was fees taken back now enters no stage on them; restated a date at a time, since the
        // credit a restatement leaves pays principal on its date, which lowers the fees owed after it
        LocalDate restated = null;
        for (List<AccountEvent> events = close.restatements(invoices.all(), contracts, null); !events.isEmpty();
             events = close.restatements(invoices.all(), contracts, restated)) {
            for (AccountEvent event : events) {
                AggregateLifecycle.apply(event);
                if (event instanceof LateFeesCorrected corrected) {
                    payments.applyCreditOfFeesNotOwed(corrected, policy);
                }
            }
            restated = events.get(0).occurredOn();
        }
        close.lateFeeCorrections(invoices.all(), contracts).forEach(AggregateLifecycle::apply);
        close.lateFees(invoices.all(), contracts).forEach(AggregateLifecycle::apply);
        close.stagesReached(invoices.collectableTerms().toList()).forEach(AggregateLifecycle::apply);
        creditFile.judgeRaises(customerId, policy);
        creditFile.judgeHolds(customerId, day, policy, "nothing is open more than " + policy.orderHoldDaysPastDue() + " days past due", true);
    }

    @Override
    public Optional<LocalDate> firstDayDue(CollectionPolicy policy) {
        return BusinessDayClose.firstDayDue(customerId, promises, invoices, contracts, creditFile, policy);
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
    }
}
