package io.collectionsledger.ledger.account;

import java.util.Locale;

/**
 * Every rule the ledger can refuse a command by. The code is part of the API: it is the last
 * segment of the problem type a client sees, so it never changes once published.
 */
public enum Rule {
    DATED_IN_THE_FUTURE(Kind.REFUSED),
    TERMS_DO_NOT_ADD_UP(Kind.REFUSED),
    NO_PAYMENT_TERMS(Kind.REFUSED),
    CURRENCY_MISMATCH(Kind.REFUSED),
    CREDIT_NOTE_EXCEEDS_OPEN_AMOUNT(Kind.REFUSED),
    ALLOCATION_EXCEEDS_OPEN_AMOUNT(Kind.REFUSED),
    ALLOCATIONS_EXCEED_AMOUNT(Kind.REFUSED),
    CREDIT_EXCEEDS_OPEN_AMOUNT(Kind.REFUSED),
    INSUFFICIENT_UNAPPLIED_CREDIT(Kind.REFUSED),
    PAYMENT_ALREADY_REVERSED(Kind.REFUSED),
    PROMISE_EXCEEDS_OPEN_AMOUNT(Kind.REFUSED),
    DISPUTE_EXCEEDS_OPEN_AMOUNT(Kind.REFUSED),
    DISPUTE_ALREADY_RESOLVED(Kind.REFUSED),
    DEMAND_EXCEEDS_OPEN_AMOUNT(Kind.REFUSED),
    DUNNING_FOR_DISPUTED_AMOUNT(Kind.REFUSED),
    DELIVERY_BEFORE_SENDING(Kind.REFUSED),
    LETTER_ALREADY_DELIVERED(Kind.REFUSED),
    NOTHING_OVERDUE(Kind.REFUSED),
    INVOICE_IN_LITIGATION(Kind.REFUSED),
    PLAN_DOES_NOT_ADD_UP(Kind.REFUSED),
    CASE_CLOSED(Kind.REFUSED),
    STEP_BEFORE_FILING(Kind.REFUSED),
    WRITE_OFF_EXCEEDS_OPEN_AMOUNT(Kind.REFUSED),
    RECEIVABLE_WRITTEN_OFF(Kind.REFUSED),
    NOTHING_WRITTEN_OFF(Kind.REFUSED),
    RECOVERY_EXCEEDS_WRITTEN_OFF(Kind.REFUSED),
    SUPPLY_ALREADY_SUSPENDED(Kind.REFUSED),
    SUPPLY_NOT_SUSPENDED(Kind.REFUSED),
    UNKNOWN_CUSTOMER(Kind.UNKNOWN),
    UNKNOWN_CONTRACT(Kind.UNKNOWN),
    UNKNOWN_DELIVERY(Kind.UNKNOWN),
    UNKNOWN_INVOICE(Kind.UNKNOWN),
    UNKNOWN_TERM(Kind.UNKNOWN),
    UNKNOWN_PAYMENT(Kind.UNKNOWN),
    UNKNOWN_DISPUTE(Kind.UNKNOWN),
    UNKNOWN_LETTER(Kind.UNKNOWN),
    UNKNOWN_CASE(Kind.UNKNOWN),
    CUSTOMER_ALREADY_REGISTERED(Kind.CONFLICT),
    DUPLICATE_ID(Kind.CONFLICT);

    /** Refused by a business rule; names something that does not exist; or clashes with what exists. */
    public enum Kind { REFUSED, UNKNOWN, CONFLICT }

    private final Kind kind;

    Rule(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
