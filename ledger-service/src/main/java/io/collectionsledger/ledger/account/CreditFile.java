package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.AssignCollector;
import io.collectionsledger.contracts.collection.CollectorAssigned;
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
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersReleased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Credit control over the customer (domain.md §3): its credit limit, raised by a run of early
 * payments; new orders held while a term is long overdue; supply suspended and resumed; who
 * collects from it, who answers for it, where letters to it go, and the early-warning signs flagged on it.
 */
final class CreditFile {

    private final Invoices invoices;
    private Money creditLimit;
    /** Consecutive early payments since the limit was last raised. */
    private final List<String> earlyPayments = new ArrayList<>();
    /** The day new orders were held from, while they are; null when they are not. */
    private LocalDate ordersHeldSince;
    private boolean supplySuspended;
    private final Ids warnings = new Ids("early warning");
    /** Who answers for the customer, as far as the ledger was told. */
    private final Map<Responsibility, String> responsible = new EnumMap<>(Responsibility.class);
    private final Ids responsiblePersonChanges = new Ids("responsible person change");

    CreditFile(Invoices invoices) {
        this.invoices = invoices;
    }

    @CommandHandler
    void handle(SetCreditLimit command) {
        apply(new CreditLimitSet(command.customerId(), command.occurredOn(), creditLimit, command.limit(), command.reason()));
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

    /** Enough consecutive early payments raise a limit that is set. */
    void raiseLimitIfEarned(String customerId, LocalDate paidOn, CollectionPolicy policy) {
        if (creditLimit != null && earlyPayments.size() >= policy.earlyPaymentsForRaise()) {
            apply(new CreditLimitRaised(customerId, paidOn, creditLimit,
                    creditLimit.percent(BigDecimal.valueOf(100).add(policy.creditLimitRaisePercent())), List.copyOf(earlyPayments)));
        }
    }

    /** New orders are held from the day a term is long overdue, and released once none is. */
    void holdOrReleaseOrders(String customerId, BusinessDayClose close, LocalDate day, CollectionPolicy policy) {
        if (ordersHeldSince == null) {
            longOverdue(day, policy).map(close::ordersHeld).ifPresent(AggregateLifecycle::apply);
        } else {
            releaseOrdersIfNothingLongOverdue(customerId, day, day, policy,
                    "nothing is open more than " + policy.orderHoldDaysPastDue() + " days past due");
        }
    }

    /**
     * Held orders are released when nothing is long overdue {@code today}, as of the business day
     * the customer stopped qualifying for the hold ({@code settledOn}: a payment's own date, not
     * the day it was recorded), and never before the hold began.
     */
    void releaseOrdersIfNothingLongOverdue(String customerId, LocalDate settledOn, LocalDate today, CollectionPolicy policy,
                                           String reason) {
        if (ordersHeldSince != null && longOverdue(today, policy).isEmpty()) {
            apply(new OrdersReleased(customerId, settledOn.isBefore(ordersHeldSince) ? ordersHeldSince : settledOn, reason));
        }
    }

    /**
     * The first day a close could hold or release orders. Not held: the day a term still open first
     * becomes long overdue. Held: a close releases them only if nothing is long overdue on its day, and
     * terms only grow older, so a close that kept them ({@code justClosed}) is followed by none that
     * releases them until a new fact changes what is open; after any other command, the next close
     * judges them again, whatever its day (none comes before the day they were held from).
     */
    Optional<LocalDate> nextHoldDay(CollectionPolicy policy, LocalDate justClosed) {
        if (ordersHeldSince != null) {
            return justClosed == null ? Optional.of(ordersHeldSince) : Optional.empty();
        }
        return invoices.collectableTerms()
                .filter(t -> !t.settled())
                .map(t -> t.dueDate.plusDays(policy.orderHoldDaysPastDue() + 1L))
                .min(Comparator.naturalOrder());
    }

    private Optional<OpenTerm> longOverdue(LocalDate day, CollectionPolicy policy) {
        return invoices.collectableTerms()
                .filter(t -> !t.settled() && t.daysPastDue(day) > policy.orderHoldDaysPastDue())
                .min(Comparator.comparing((OpenTerm t) -> t.dueDate));
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
        creditLimit = event.limit();
    }

    @EventSourcingHandler
    void on(CreditLimitRaised event) {
        creditLimit = event.limit();
        earlyPayments.clear();
    }

    /** Early: everything it paid was not yet due. Anything else breaks the run of early payments. */
    @EventSourcingHandler
    void on(PaymentRecorded event) {
        boolean early = !event.allocations().isEmpty() && event.allocations().stream()
                .allMatch(a -> invoices.known(a.invoiceId(), event.customerId()).term(a.termId()).dueDate.isAfter(event.occurredOn()));
        if (early) {
            earlyPayments.add(event.paymentId());
        } else if (!event.allocations().isEmpty()) {
            earlyPayments.clear();
        }
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
        ordersHeldSince = event.occurredOn();
    }

    @EventSourcingHandler
    void on(OrdersReleased event) {
        ordersHeldSince = null;
    }
}
