package io.collectionsledger.ledger.account;

import java.math.BigDecimal;

/**
 * The configurable rules of domain.md §3, with its defaults.
 *
 * @param promiseGraceDays              days after the promised date a payment still keeps the promise
 * @param legalLateFeeCapAnnualPercent  the legal cap on late fees the ledger starts with, as an annual rate on the overdue
 *                                      principal: recorded once as a policy event in force from the beginning; the fees
 *                                      themselves read {@code legalLateFeeCaps}, the recorded schedule
 * @param earlyPaymentsForRaise         consecutive early payments that raise the credit limit
 * @param creditLimitRaisePercent       by how much they raise it
 * @param orderHoldDaysPastDue          a term unpaid this many days past due holds new orders until it is paid
 * @param legalLateFeeCaps              the legal cap's rates by the day each took effect, from the policy events
 */
public record CollectionPolicy(
        int promiseGraceDays,
        BigDecimal legalLateFeeCapAnnualPercent,
        int earlyPaymentsForRaise,
        BigDecimal creditLimitRaisePercent,
        int orderHoldDaysPastDue,
        LegalLateFeeCapSchedule legalLateFeeCaps) {

    /** The rules with the legal cap at one rate for every day. */
    public CollectionPolicy(int promiseGraceDays, BigDecimal legalLateFeeCapAnnualPercent, int earlyPaymentsForRaise,
                            BigDecimal creditLimitRaisePercent, int orderHoldDaysPastDue) {
        this(promiseGraceDays, legalLateFeeCapAnnualPercent, earlyPaymentsForRaise, creditLimitRaisePercent, orderHoldDaysPastDue,
                LegalLateFeeCapSchedule.constant(legalLateFeeCapAnnualPercent));
    }

    /** 0 days of grace; 4 × the one-year Loan Prime Rate (3.85%); 3 early payments raise the limit by 15%; 15 days. */
    public static CollectionPolicy defaults() {
        return new CollectionPolicy(0, new BigDecimal("15.4"), 3, new BigDecimal("15"), 15);
    }
}
