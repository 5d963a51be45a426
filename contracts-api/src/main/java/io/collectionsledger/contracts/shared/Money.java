package io.collectionsledger.contracts.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount in one currency, held at the currency's own number of decimals. Amounts in
 * different currencies never add up: every operation checks.
 */
public record Money(BigDecimal amount, String currency) {

    /** Above any receivable this ledger will see; refuses absurd numbers before arithmetic on them. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

    public Money {
        Require.present(amount, "amount");
        Require.present(currency, "currency");
        int decimals = decimalsOf(currency);
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw new InvalidValue("amount", "must be below 10^15");
        }
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw new InvalidValue("amount", currency + " has " + decimals + " decimal places; " + shown(amount) + " has more");
        }
        amount = amount.setScale(decimals, RoundingMode.UNNECESSARY);
    }

    /** An amount as the client wrote it, except that 1E-400 is not spelt out as 400 digits. */
    private static String shown(BigDecimal amount) {
        return amount.scale() > 40 ? amount.toString() : amount.toPlainString();
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The ISO 4217 minor units, refusing codes that are not a currency one can be paid in (XXX, XAU...). */
    public static int decimalsOf(String currency) {
        if (currency == null || !isCurrencyCode(currency)) {
            throw new InvalidValue("currency", "must be an ISO 4217 code such as CNY or EUR");
        }
        try {
            int decimals = Currency.getInstance(currency).getDefaultFractionDigits();
            if (decimals < 0) {
                throw new InvalidValue("currency", currency + " is not a currency of payment");
            }
            return decimals;
        } catch (IllegalArgumentException unknown) {
            if (unknown instanceof InvalidValue invalid) {
                throw invalid;
            }
            throw new InvalidValue("currency", currency + " is not an ISO 4217 currency");
        }
    }

    /** [A-Z]{3}, checked by hand: every amount made, summed or read back checks it. */
    private static boolean isCurrencyCode(String currency) {
        if (currency.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (currency.charAt(i) < 'A' || currency.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    public int signum() {
        return amount.signum();
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money min(Money other) {
        return amount.compareTo(sameCurrency(other).amount) <= 0 ? this : other;
    }

    public boolean exceeds(Money other) {
        return amount.compareTo(sameCurrency(other).amount) > 0;
    }

    /** This amount times a percentage, rounded half-up to the currency's decimals. */
    public Money percent(BigDecimal percent) {
        BigDecimal value = amount.multiply(percent).movePointLeft(2);
        return new Money(value.setScale(amount.scale(), RoundingMode.HALF_UP), currency);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
