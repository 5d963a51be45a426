package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.collectionsledger.contracts.collection.AssignCollector;
import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.CreditLimitRaiseWithdrawn;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.collection.EarlyWarningFlagged;
import io.collectionsledger.contracts.collection.FlagEarlyWarning;
import io.collectionsledger.contracts.collection.ResumeSupply;
import io.collectionsledger.contracts.collection.SetCreditLimit;
import io.collectionsledger.contracts.collection.SupplyResumed;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.collection.SuspendSupply;
import io.collectionsledger.contracts.customer.CorrespondenceAddressRecorded;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.customer.RecordCorrespondenceAddress;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange.Responsibility;
import io.collectionsledger.contracts.customer.ResponsiblePersonChanged;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Credit control over the customer (domain.md §3): its credit limit, raised by a run of early
 * payments; new orders held while a term is long overdue; supply suspended and resumed; who
 * collects from it, who answers for it, where letters to it go, and the early-warning signs flagged on it.
 */
@SnapshotState
final class CreditFile {

    private final CreditLimitRaises limit;
    private final OrderHolds holds;
    private boolean supplySuspended;
    private final Ids warnings = new Ids("early warning");
    /** Who answers for the customer, as far as the ledger was told. */
    @JsonDeserialize(as = EnumMap.class)
    private final Map<Responsibility, String> responsible = new EnumMap<>(Responsibility.class);
    private final Ids responsiblePersonChanges = new Ids("responsible person change");

    CreditFile(Invoices invoices) {
        this.limit = new CreditLimitRaises(invoices);
        this.holds = new OrderHolds(invoices);
    }

    @CommandHandler
    void handle(SetCreditLimit command) {
        apply(new CreditLimitSet(command.customerId(), command.occurredOn(), limit.limit(), command.limit(), command.reason()));
    }

    @CommandHandler
    void handle(SuspendSupply command) {
        if (supplySuspended) {
            throw new RuleViolation(Rule.SUPPLY_ALREADY_SUSPENDED, "supply to " + command.customerId() + " is already suspended");
        }
        apply(new SupplySuspended(command.customerId(), command.occurredOn(), command.reason()));
    }

    @CommandHandler
    void handle(ResumeSupply command) {
        if (!supplySuspended) {
            throw new RuleViolation(Rule.SUPPLY_NOT_SUSPENDED, "supply to " + command.customerId() + " is not suspended");
        }
        apply(new SupplyResumed(command.customerId(), command.occurredOn(), command.reason()));
    }

    @CommandHandler
    void handle(AssignCollector command) {
        apply(new CollectorAssigned(command.customerId(), command.occurredOn(), command.collector(), command.tier()));
    }

    @CommandHandler
    void handle(FlagEarlyWarning command) {
        warnings.requireUnused(command.warningId());
        apply(new EarlyWarningFlagged(command.customerId(), command.warningId(), command.occurredOn(), command.signal(), command.note()));
    }

    @CommandHandler
    void handle(RecordResponsiblePersonChange command) {
        responsiblePersonChanges.requireUnused(command.changeId());
        apply(new ResponsiblePersonChanged(command.customerId(), command.changeId(), command.occurredOn(), command.responsibility(),
                responsible.get(command.responsibility()), command.person(), command.source()));
    }

    /** The account keeps no address: the dossier keeps each with its dates, and a letter takes the one in force on its date. */
    @CommandHandler
    void handle(RecordCorrespondenceAddress command) {
        apply(new CorrespondenceAddressRecorded(command.customerId(), command.occurredOn(), command.postalAddress(), command.postcode(),
                command.contactPerson(), command.contactPhone()));
    }

    /**
     * Enough consecutive early payments, in the order of their business dates, raise a limit that is
     * set; a raise recorded that no longer stands is withdrawn.
     */
    void judgeRaises(String customerId, CollectionPolicy policy) {
        limit.judge(customerId, policy).forEach(AggregateLifecycle::apply);
    }

    /**
     * New orders are held from the day a term is long overdue, and released from the day none is,
     * as the facts' business dates tell through {@code through}; a hold recorded that should not
     * have been is withdrawn. {@code releaseReason} is what a release says. Only a close records the
     * holds missing ({@code recordMissing}).
     */
    void judgeHolds(String customerId, LocalDate through, CollectionPolicy policy, String releaseReason, boolean recordMissing) {
        holds.judge(customerId, through, policy, releaseReason, recordMissing).forEach(AggregateLifecycle::apply);
    }

    /** The first day whose close would change the holds or the raises recorded: see {@link OrderHolds}, {@link CreditLimitRaises}. */
    Optional<LocalDate> nextDayToJudge(String customerId, CollectionPolicy policy) {
        return Stream.of(holds.nextDayToJudge(policy), limit.nextDayToJudge(customerId, policy))
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        if (event.creditFile() != null && event.creditFile().responsibleForPayment() != null) {
            responsible.put(Responsibility.RESPONSIBLE_FOR_PAYMENT, event.creditFile().responsibleForPayment());
        }
    }

    @EventSourcingHandler
    void on(ResponsiblePersonChanged event) {
        responsiblePersonChanges.add(event.changeId());
        responsible.put(event.responsibility(), event.person());
    }

    @EventSourcingHandler
    void on(CreditLimitSet event) {
        limit.set(event);
    }

    @EventSourcingHandler
    void on(CreditLimitRaised event) {
        limit.raised(event);
    }

    @EventSourcingHandler
    void on(CreditLimitRaiseWithdrawn event) {
        limit.withdrawn(event);
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        limit.paid(event);
    }

    @EventSourcingHandler
    void on(SupplySuspended event) {
        supplySuspended = true;
    }

    @EventSourcingHandler
    void on(SupplyResumed event) {
        supplySuspended = false;
    }

    @EventSourcingHandler
    void on(EarlyWarningFlagged event) {
        warnings.add(event.warningId());
    }

    @EventSourcingHandler
    void on(OrdersHeld event) {
        holds.held(event);
    }

    @EventSourcingHandler
    void on(OrdersReleased event) {
        holds.released(event);
    }

    @EventSourcingHandler
    void on(OrdersHoldWithdrawn event) {
        holds.withdrawn(event);
    }
}
