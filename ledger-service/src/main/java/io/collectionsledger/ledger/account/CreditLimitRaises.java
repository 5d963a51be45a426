package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.collectionsledger.contracts.collection.CreditLimitRaiseWithdrawn;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The credit limit and the rule of consecutive early payments (domain.md §3), in the order of the
 * payments' business dates, whatever the order they were recorded in: a payment keyed in late,
 * dated between two early ones, breaks their run. The raises the payments call for are compared
 * with those recorded: one missing is recorded on its own day, one recorded that does not stand
 * (its run broken, or the limit it raised changed by an earlier raise or setting) is withdrawn by a
 * correcting event, never edited.
 */
@SnapshotState
final class CreditLimitRaises {

    /** A payment that allocated something, and whether all it paid was not yet due on its date. */
    private record Paid(String paymentId, LocalDate on, boolean early) {
    }

    private record Setting(LocalDate on, Money limit) {
    }

    @JsonIgnore
    private final Invoices invoices;
    /** In the order recorded: a day's order among payments and settings is the order they were recorded in. */
    private final List<Paid> payments = new ArrayList<>();
    private final List<Setting> settings = new ArrayList<>();
    /** The raises recorded and not withdrawn, in the order recorded. */
    private final List<CreditLimitRaised> raises = new ArrayList<>();

    CreditLimitRaises(Invoices invoices) {
        this.invoices = invoices;
    }

    /** The limit on the latest day the account knows of: settings and raises by business date; null if none was set. */
    Money limit() {
        Money limit = null;
        LocalDate latest = null;
        for (Setting setting : settings) {
            if (latest == null || !setting.on().isBefore(latest)) {
                limit = setting.limit();
                latest = setting.on();
            }
        }
        for (CreditLimitRaised raise : raises) {
            if (latest == null || !raise.occurredOn().isBefore(latest)) {
                limit = raise.limit();
                latest = raise.occurredOn();
            }
        }
        return limit;
    }

    /** The events that bring the raises recorded to those the payments call for. */
    List<AccountEvent> judge(String customerId, CollectionPolicy policy) {
        List<CreditLimitRaised> called = calledFor(customerId, policy);
        List<AccountEvent> events = new ArrayList<>();
        for (CreditLimitRaised raise : raises) {
            if (!called.contains(raise)) {
                events.add(new CreditLimitRaiseWithdrawn(customerId, raise.occurredOn(), raise.previous(), raise.limit(),
                        raise.earlyPaymentIds(), "payments recorded since, dated before it, change the run of early payments or the limit it raised"));
            }
        }
        called.stream().filter(raise -> !raises.contains(raise)).forEach(events::add);
        return events;
    }

    /** The first day a raise recorded and those called for differ; empty while they agree. */
    Optional<LocalDate> nextDayToJudge(String customerId, CollectionPolicy policy) {
        List<CreditLimitRaised> called = calledFor(customerId, policy);
        List<LocalDate> days = new ArrayList<>();
        raises.stream().filter(raise -> !called.contains(raise)).forEach(raise -> days.add(raise.occurredOn()));
        called.stream().filter(raise -> !raises.contains(raise)).forEach(raise -> days.add(raise.occurredOn()));
        return days.stream().min(Comparator.naturalOrder());
    }

    /**
     * Walks the settings and the payments by business date (a day's settings first, then its payments,
     * each in the order recorded): an early payment extends the run, any other that allocated something
     * ends it, and a run long enough raises a limit that is set, and starts again.
     */
    private List<CreditLimitRaised> calledFor(String customerId, CollectionPolicy policy) {
        List<Object> days = new ArrayList<>(settings);
        days.addAll(payments);
        days.sort(Comparator.comparing(CreditLimitRaises::dayOf).thenComparing(fact -> fact instanceof Paid ? 1 : 0));
        BigDecimal raisedTo = BigDecimal.valueOf(100).add(policy.creditLimitRaisePercent());
        List<CreditLimitRaised> called = new ArrayList<>();
        List<String> run = new ArrayList<>();
        Money limit = null;
        for (Object fact : days) {
            if (fact instanceof Setting setting) {
                limit = setting.limit();
            } else if (fact instanceof Paid paid && !paid.early()) {
                run.clear();
            } else if (fact instanceof Paid paid) {
                run.add(paid.paymentId());
                if (limit != null && run.size() >= policy.earlyPaymentsForRaise()) {
                    CreditLimitRaised raise = new CreditLimitRaised(customerId, paid.on(), limit, limit.percent(raisedTo), List.copyOf(run));
                    called.add(raise);
                    limit = raise.limit();
                    run.clear();
                }
            }
        }
        return called;
    }

    private static LocalDate dayOf(Object fact) {
        return fact instanceof Setting setting ? setting.on() : ((Paid) fact).on();
    }

    void set(CreditLimitSet event) {
        settings.add(new Setting(event.occurredOn(), event.limit()));
    }

    /** Early: everything it paid was not yet due. A payment that allocated nothing takes no part in the run. */
    void paid(PaymentRecorded event) {
        if (!event.allocations().isEmpty()) {
            boolean early = event.allocations().stream()
                    .allMatch(a -> invoices.known(a.invoiceId(), event.customerId()).term(a.termId()).dueDate.isAfter(event.occurredOn()));
            payments.add(new Paid(event.paymentId(), event.occurredOn(), early));
        }
    }

    void raised(CreditLimitRaised event) {
        raises.add(event);
    }

    void withdrawn(CreditLimitRaiseWithdrawn event) {
        raises.remove(new CreditLimitRaised(event.customerId(), event.occurredOn(), event.previous(), event.limit(), event.earlyPaymentIds()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditLimitRaises other && payments.equals(other.payments) && settings.equals(other.settings)
                && raises.equals(other.raises);
    }

    @Override
    public int hashCode() {
        return raises.hashCode();
    }
}
