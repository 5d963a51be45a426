package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.collection.EarlyWarningSignal;
import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.customer.CorrespondenceAddress;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange.Responsibility;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's file: the credit file as registered, who collects and at which reminder tier, the
 * credit limit, whether supply is suspended or new orders held, the classes of its open invoices,
 * what it owes per currency, how much collection work is under way, and its early-warning facts:
 * the signs flagged on it and every change of who answers for it (itself a sign, domain.md §3).
 *
 * @param correspondenceAddress where letters go as of {@code asOf}; null until one is recorded
 * @param collector       null until one is assigned
 * @param creditLimit     null until one is set
 * @param openPromises    promises to pay not yet judged kept, partially kept or broken
 * @param openDisputes    disputes not resolved
 * @param dunningLetters  letters sent
 * @param legalCases      lawsuits and arbitrations filed, closed or not
 * @param responsible     who answers for the customer now, as far as the ledger was told
 * @param earlyWarnings   the early-warning signs flagged on it, in the order recorded
 * @param responsiblePersonChanges every change of its legal representative or person responsible for paying, in the order recorded
 */
public record CustomerFile(
        String customerId,
        LocalDate asOf,
        Instant knownAt,
        String name,
        String registrationNumber,
        LocalDate registeredOn,
        Instant recordedAt,
        CreditFile creditFile,
        CorrespondenceAddress correspondenceAddress,
        String collector,
        ReminderTier tier,
        Money creditLimit,
        Supply supply,
        List<ReceivableClass> receivableClasses,
        List<CurrencyTotals> totals,
        int openPromises,
        int openDisputes,
        int dunningLetters,
        int legalCases,
        Responsible responsible,
        List<EarlyWarning> earlyWarnings,
        List<ResponsiblePersonChange> responsiblePersonChanges) {

    /**
     * Whether supply is suspended (by a collector; {@code since} and {@code reason} say the last
     * change, null when there was none) and whether new orders are held (by the rule on long-overdue terms).
     */
    public record Supply(boolean suspended, LocalDate since, String reason, boolean ordersHeld) {
    }

    /**
     * What the customer owes in one currency. {@code open} and {@code overdue} are principal
     * (overdue: of terms and installments whose due date is before {@code asOf});
     * {@code lateFeesOpen} are the late fees and plan interest not paid; {@code disputed} what open
     * disputes contest; {@code unappliedCredit} the money received and not yet applied or refunded.
     */
    public record CurrencyTotals(@NeverAbsent String currency, @NeverAbsent Money open, @NeverAbsent Money overdue,
                                 @NeverAbsent Money lateFeesOpen, @NeverAbsent Money disputed, @NeverAbsent Money unappliedCredit) {
    }

    /**
     * Who answers for the customer now: the person responsible for paying is the credit file's until
     * a change names another; null where the ledger knows of none.
     */
    public record Responsible(String legalRepresentative, String responsibleForPayment) {
    }

    /** An early-warning sign flagged on the customer. */
    public record EarlyWarning(@NeverAbsent String warningId, @NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt,
                               @NeverAbsent EarlyWarningSignal signal, String note) {
    }

    /** Someone else answers for the customer; {@code previous} is who the ledger knew of before, null when it knew of none. */
    public record ResponsiblePersonChange(@NeverAbsent String changeId, @NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt,
                                          @NeverAbsent Responsibility responsibility, String previous, @NeverAbsent String person,
                                          String source) {
    }
}
