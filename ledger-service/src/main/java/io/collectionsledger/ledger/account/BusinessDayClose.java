package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.CollectionStageWithdrawn;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What one business day produces for an account, computed from its state, not yet applied:
 * promises judged once their date and grace have passed, terms entering a collection stage
 * (dated the day they crossed it, as the facts' business dates tell), late fees recorded above the
 * caps taken back, late fees fixed at a month's end or when they reach the contract's cap; and, from
 * the same rules and {@link CreditFile}'s (new orders held or released, credit limits raised), the first day whose
 * close would produce any of them ({@link #firstDayDue}), which the close of day uses to send the
 * command only to accounts due.
 */
final class BusinessDayClose {

    private final String customerId;
    private final LocalDate day;
    private final CollectionPolicy policy;

    BusinessDayClose(String customerId, LocalDate day, CollectionPolicy policy) {
        this.customerId = customerId;
        this.day = day;
        this.policy = policy;
    }

    List<AccountEvent> judgePromises(Collection<PromiseState> promises, Payments payments) {
        List<AccountEvent> outcomes = new ArrayList<>();
        for (PromiseState promise : promises) {
            if (promise.outcome() != null || !promise.lastDay(policy).isBefore(day)) {
                continue;
            }
            Money received = payments.receivedFor(promise, policy);
            Money shortfall = promise.shortfall(received);
            LocalDate judgedOn = promise.lastDay(policy).plusDays(1);
            String id = promise.promise.promiseId();
            Money promised = promise.promise.amount();
            outcomes.add(switch (promise.judge(received)) {
                case KEPT -> new PaymentPromiseKept(customerId, id, judgedOn, promised, received, shortfall);
                case PARTIALLY_KEPT -> new PaymentPromisePartiallyKept(customerId, id, judgedOn, promised, received, shortfall);
                case BROKEN -> new PaymentPromiseBroken(customerId, id, judgedOn, promised, received, shortfall);
            });
        }
        return outcomes;
    }

    /**
     * Terms entering collection stages through this day, each on the day it entered as the facts'
     * business dates tell ({@link StageEntries}); an entry recorded earlier that the facts recorded
     * since contradict is withdrawn, and the right one recorded when its day has come.
     */
    List<AccountEvent> stagesReached(List<OpenTerm> terms) {
        List<AccountEvent> events = new ArrayList<>();
        for (OpenTerm term : terms) {
            for (CollectionStage stage : CollectionStage.values()) {
                Optional<LocalDate> entered = StageEntries.entered(term, stage);
                LocalDate recorded = term.stagesEntered().get(stage);
                if (recorded != null && !entered.equals(Optional.of(recorded))) {
                    events.add(new CollectionStageWithdrawn(customerId, term.invoiceId, term.termId, recorded, stage,
                            "facts recorded since show the term " + (entered.isEmpty() ? "did not enter the stage" : "entered it on " + entered.get())));
                }
                if (entered.isPresent() && !entered.get().isAfter(day) && !entered.get().equals(recorded)) {
                    events.add(new CollectionStageReached(customerId, term.invoiceId, term.termId, entered.get(), term.dueDate, stage,
                            term.openOn(entered.get())));
                }
            }
        }
        return events;
    }

    /**
     * Fees fixed for days that a change of principal recorded later reaches back to (a payment keyed in late) set to
     * what is owed on the business dates they were recorded on, taken back or accrued again ({@link LateFees#restatements}),
     * as the days from the change are judged again: the events of the earliest such date after {@code after} (any, when
     * null), a correction and an accrual at most. One date at a time, because the credit a correction leaves pays what its
     * invoice had open that day ({@link Payments#applyCreditOfFeesNotOwed}), which changes what is owed on the dates after
     * it. Empty when nothing is left to restate after {@code after}.
     */
    List<AccountEvent> restatements(Collection<Invoice> invoices, Contracts contracts, LocalDate after) {
        Map<LocalDate, List<LateFees.Restated>> restatedOn = new TreeMap<>();
        LegalLateFeeCaps legalCaps = policy.legalLateFeeCaps().recorded();
        termsBearingLateFees(invoices, contracts, (t, lateFees) -> LateFees.restatements(t, t.accruingLateFees(lateFees, legalCaps)).stream()
                .filter(restated -> after == null || restated.on().isAfter(after))
                .forEach(restated -> restatedOn.computeIfAbsent(restated.on(), on -> new ArrayList<>()).add(restated)));
        if (restatedOn.isEmpty()) {
            return List.of();
        }
        Map.Entry<LocalDate, List<LateFees.Restated>> earliest = restatedOn.entrySet().iterator().next();
        LocalDate on = earliest.getKey();
        List<LateFeeCorrection> down = earliest.getValue().stream().map(LateFees.Restated::correction).filter(Objects::nonNull).toList();
        List<LateFeeAccrual> up = earliest.getValue().stream().map(LateFees.Restated::accrual).filter(Objects::nonNull).toList();
        List<AccountEvent> events = new ArrayList<>();
        if (!down.isEmpty()) {
            events.add(new LateFeesCorrected(customerId, on, down,
                    "late fees recorded on " + on + " above those owed on the principal as the facts recorded since date it"));
        }
        if (!up.isEmpty()) {
            events.add(new LateFeesAccrued(customerId, on, up));
        }
        return events;
    }

    /**
     * Fees recorded above those owed under an earlier rule (the legal cap on the term's original principal, or a day's
     * fee rounded every day), taken back once, on this day, through the day they were accrued for; on terms with nothing
     * to restate ({@link #restatements}). Accounts with any are due at once, and corrected at their next close.
     */
    List<AccountEvent> lateFeeCorrections(Collection<Invoice> invoices, Contracts contracts) {
        List<LateFeeCorrection> corrections = new ArrayList<>();
        LegalLateFeeCaps legalCaps = policy.legalLateFeeCaps().recorded();
        termsBearingLateFees(invoices, contracts, (t, lateFees) -> {
            var fees = t.accruingLateFees(lateFees, legalCaps);
            if (LateFees.restatements(t, fees).isEmpty()) {
                LateFees.correction(t, fees).ifPresent(corrections::add);
            }
        });
        if (corrections.isEmpty()) {
            return List.of();
        }
        return List.of(new LateFeesCorrected(customerId, day, corrections,
                "late fees above the legal cap of " + legalCaps.annualPercentOn(day).toPlainString()
                        + "% a year on the principal overdue on each day, or above the contract's cap"));
    }

    /**
     * Late fees on the overdue principal of invoices under a contract with late-fee terms, not written off,
     * fixed where the day closes a month or the fees reach the contract's cap: one event per day fixed
     * (a close that catches up on several months fixes each month's end on its day), none on a quiet day.
     */
    List<AccountEvent> lateFees(Collection<Invoice> invoices, Contracts contracts) {
        LegalLateFeeCaps legalCaps = policy.legalLateFeeCaps().recorded();
        Map<LocalDate, List<LateFeeAccrual>> byDay = new TreeMap<>();
        termsBearingLateFees(invoices, contracts, (t, lateFees) -> LateFees.fixedByClose(t, lateFees, legalCaps, day)
                .forEach(accrual -> byDay.computeIfAbsent(accrual.accruedThrough(), d -> new ArrayList<>()).add(accrual)));
        List<AccountEvent> fixed = new ArrayList<>();
        byDay.forEach((on, accruals) -> fixed.add(new LateFeesAccrued(customerId, on, accruals)));
        return fixed;
    }

    /**
     * The first business day whose close would record anything for an account in this state: the
     * earliest of the days a promise is judged, a term enters a stage not recorded (or one recorded
     * is contradicted), late fees are fixed (a month's end, or the day they reach the contract's cap:
     * quiet days between fix nothing), and the holds or raises called for differ from those recorded.
     * Closing any earlier day records nothing, so a close of day that skips the account until then
     * records what a close of every account would, on the same days; and a fact dated on a day
     * already closed makes the account due at once when it changes what that day produced. Empty
     * when only a new fact can make the account due.
     */
    static Optional<LocalDate> firstDayDue(String customerId, Promises promises, Invoices invoices, Contracts contracts,
                                           CreditFile creditFile, CollectionPolicy policy) {
        List<Optional<LocalDate>> days = new ArrayList<>();
        days.add(promises.nextJudgementDay(policy));
        // each term's answers are kept on the term until it changes: only the terms the last command touched are worked out again
        invoices.collectableTerms().forEach(term -> days.add(term.nextStageChange()));
        LegalLateFeeCaps legalCaps = policy.legalLateFeeCaps().recorded();
        termsBearingLateFees(invoices.all(), contracts, (term, lateFees) -> days.add(term.firstFeeDayDue(lateFees, legalCaps)));
        days.add(creditFile.nextDayToJudge(customerId, policy));
        return days.stream().flatMap(Optional::stream).min(LocalDate::compareTo);
    }

    private static void termsBearingLateFees(Collection<Invoice> invoices, Contracts contracts, BiConsumer<OpenTerm, LateFeeTerms> action) {
        LateFees.termsBearingLateFees(invoices, invoice -> contracts.lateFeeTerms(invoice.contractId), action);
    }
}
