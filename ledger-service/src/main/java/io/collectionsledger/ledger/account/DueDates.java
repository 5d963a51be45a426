package io.collectionsledger.ledger.account;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When the passing of days next produces a fact on an account (a promise to judge, a stage to
 * reach, late fees to accrue, orders to hold or release), read from its state alone: what the close
 * of day needs to send {@code CloseBusinessDay} only to the accounts due. The command dispatcher asks
 * it after every command and keeps the answer beside the account's events, in their transaction.
 */
public interface DueDates {

    /**
     * The first business day whose close would record anything on the account as it is now; empty when
     * only a new fact can make it due. A fact dated on a day already closed makes the account due on
     * the first day it changes what those days produced, so the next close judges them again.
     */
    Optional<LocalDate> firstDayDue(CollectionPolicy policy);
}
