package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's file: the credit file as registered, who collects and at which reminder tier, the
 * credit limit, whether supply is suspended or new orders held, the classes of its open invoices,
 * what it owes per currency, and how much collection work is under way.
 *
 * @param collector       null until one is assigned
 * @param creditLimit     null until one is set
 * @param openPromises    promises to pay not yet judged kept, partially kept or broken
 * @param openDisputes    disputes not resolved
 * @param dunningLetters  letters sent
 * @param legalCases      lawsuits and arbitrations filed, closed or not
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
        String collector,
        ReminderTier tier,
        Money creditLimit,
        Supply supply,
        List<ReceivableClass> receivableClasses,
        List<CurrencyTotals> totals,
        int openPromises,
        int openDisputes,
        int dunningLetters,
        int legalCases) {

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
}
