package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * New orders held while a term is long overdue (domain.md §3), judged on the business dates of the
 * facts, whatever the order they were recorded in: the holds the open amounts call for run from the
 * first day at whose end a term was open more than the allowed days past due, to the first day none
 * was. What was recorded is compared with that: a hold missing is recorded on its own day, a release
 * missing on its own day, and a hold recorded that should not have been, or that ended on another
 * day, is withdrawn by a correcting event (never edited) and the right one recorded beside.
 */
@SnapshotState
final class OrderHolds {

    /** A hold from {@code from} until {@code until} (the day of its release; null while it lasts). */
    record Hold(LocalDate from, LocalDate until) {

        /** The hold as a close of {@code through} sees it: a release after that day has not come yet. */
        Hold through(LocalDate through) {
            return until != null && until.isAfter(through) ? new Hold(from, null) : this;
        }
    }

    /** A hold called for, with the term that first made it (the oldest long overdue on its first day). */
    private record Called(Hold hold, OpenTerm cause, long daysPastDue) {
    }

    @JsonIgnore
    private final Invoices invoices;
    /** The holds recorded and not withdrawn, in the order they were recorded. */
    private final List<Hold> recorded = new ArrayList<>();

    OrderHolds(Invoices invoices) {
        this.invoices = invoices;
    }

    /**
     * The events that bring the holds recorded through {@code through} to the holds called for
     * through it; {@code releaseReason} is the reason a release gives. Only a close records the holds
     * missing ({@code recordMissing}); any other command releases and withdraws, and leaves the account
     * due for the close to record them.
     */
    List<AccountEvent> judge(String customerId, LocalDate through, CollectionPolicy policy, String releaseReason, boolean recordMissing) {
        List<AccountEvent> events = new ArrayList<>();
        List<Called> called = calledFor(policy).stream().filter(c -> !c.hold().from().isAfter(through)).toList();
        List<LocalDate> standing = new ArrayList<>();
        for (Hold hold : recorded) {
            Hold seen = hold.through(through);
            Optional<Hold> should = called.stream().map(c -> c.hold().through(through)).filter(h -> h.from().equals(hold.from())).findFirst();
            if (should.isPresent() && should.get().equals(seen)) {
                standing.add(hold.from());
            } else if (should.isPresent() && hold.until() == null) {
                standing.add(hold.from());
                events.add(new OrdersReleased(customerId, should.get().until(), releaseReason));
            } else {
                events.add(new OrdersHoldWithdrawn(customerId, hold.from(), hold.until(), should.isEmpty()
                        ? "facts recorded since show nothing open more than " + policy.orderHoldDaysPastDue() + " days past due on " + hold.from()
                        : "facts recorded since show the hold from " + hold.from() + " ended on another day"));
            }
        }
        for (Called c : called) {
            if (recordMissing && !standing.contains(c.hold().from())) {
                events.add(new OrdersHeld(customerId, c.hold().from(), c.cause().invoiceId, c.cause().termId, (int) c.daysPastDue()));
                Hold seen = c.hold().through(through);
                if (seen.until() != null) {
                    events.add(new OrdersReleased(customerId, seen.until(), releaseReason));
                }
            }
        }
        return events;
    }

    /**
     * The first day whose judgement would record anything: the first day the holds recorded and
     * those called for differ, seen through it. Empty when they agree on every day to come.
     */
    Optional<LocalDate> nextDayToJudge(CollectionPolicy policy) {
        List<Hold> called = calledFor(policy).stream().map(Called::hold).toList();
        List<LocalDate> days = new ArrayList<>();
        for (Hold hold : recorded) {
            Optional<Hold> should = called.stream().filter(h -> h.from().equals(hold.from())).findFirst();
            if (should.isEmpty()) {
                days.add(hold.from());
            } else if (!Objects.equals(should.get().until(), hold.until())) {
                days.add(hold.until() == null ? should.get().until()
                        : should.get().until() == null ? hold.until() : min(hold.until(), should.get().until()));
            }
        }
        called.stream().filter(h -> recorded.stream().noneMatch(r -> r.from().equals(h.from()))).forEach(h -> days.add(h.from()));
        return days.stream().min(Comparator.naturalOrder());
    }

    /**
     * The holds the open amounts by business date call for, in order: the days each term was long
     * overdue, joined where they meet or overlap, each hold caused by the term of the earliest due
     * date among those that began it.
     */
    private List<Called> calledFor(CollectionPolicy policy) {
        List<Called> spans = new ArrayList<>();
        for (Invoice invoice : invoices.all()) {
            for (OpenTerm term : invoice.terms()) {
                term.longOverdue(invoice.writtenOffOn(), policy.orderHoldDaysPastDue(), t -> longOverdue(invoice, t, policy)).forEach(span -> spans.add(new Called(span, term, term.daysPastDue(span.from()))));
            }
        }
        spans.sort(Comparator.comparing((Called c) -> c.hold().from()).thenComparing(c -> c.cause().dueDate));
        List<Called> holds = new ArrayList<>();
        Called open = null;
        for (Called span : spans) {
            if (open == null) {
                open = span;
            } else if (open.hold().until() != null && open.hold().until().isBefore(span.hold().from())) {
                holds.add(open);
                open = span;
            } else if (open.hold().until() != null
                    && (span.hold().until() == null || span.hold().until().isAfter(open.hold().until()))) {
                open = new Called(new Hold(open.hold().from(), span.hold().until()), open.cause(), open.daysPastDue());
            }
        }
        if (open != null) {
            holds.add(open);
        }
        return holds;
    }

    /**
     * The days the term was long overdue: from the first day past the allowed days, or a later day
     * something was open again at its end, to the day nothing was or its invoice was written off.
     */
    private static List<Hold> longOverdue(Invoice invoice, OpenTerm term, CollectionPolicy policy) {
        LocalDate first = term.dueDate.plusDays(policy.orderHoldDaysPastDue() + 1L);
        LocalDate writtenOff = invoice.writtenOffOn();
        List<Hold> spans = new ArrayList<>();
        if (!invoice.pursuedOn(first)) {
            return spans;
        }
        Money open = term.openOn(first);
        LocalDate from = open.signum() > 0 ? first : null;
        for (Map.Entry<LocalDate, Money> change : term.openChanges().tailMap(first, false).entrySet()) {
            if (!invoice.pursuedOn(change.getKey())) {
                break;
            }
            open = open.plus(change.getValue());
            if (from == null && open.signum() > 0) {
                from = change.getKey();
            } else if (from != null && open.signum() <= 0) {
                spans.add(new Hold(from, change.getKey()));
                from = null;
            }
        }
        if (from != null) {
            spans.add(new Hold(from, writtenOff));
        }
        return spans;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    void held(OrdersHeld event) {
        recorded.add(new Hold(event.occurredOn(), null));
    }

    /** A release ends the hold still lasting that began last on or before its day. */
    void released(OrdersReleased event) {
        recorded.stream()
                .filter(h -> h.until() == null && !h.from().isAfter(event.occurredOn()))
                .max(Comparator.comparing(Hold::from))
                .ifPresent(h -> recorded.set(recorded.indexOf(h), new Hold(h.from(), event.occurredOn())));
    }

    void withdrawn(OrdersHoldWithdrawn event) {
        recorded.remove(new Hold(event.occurredOn(), event.releasedOn()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderHolds other && recorded.equals(other.recorded);
    }

    @Override
    public int hashCode() {
        return recorded.hashCode();
    }
}
