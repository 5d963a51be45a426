package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A hold on new orders recorded earlier should never have been as recorded: facts recorded since,
 * dated on or before its days (a payment keyed in late, an import of past history), show that
 * nothing was long overdue then, or that the hold ended on another day. Dated the hold's first day
 * ({@code occurredOn}, the day of its {@link OrdersHeld}); its release on {@code releasedOn}, if one
 * was recorded, no longer counts either. The hold and its release stay in the history; the holds
 * that should have been are recorded beside, on their own days.
 */
@EventType("time.OrdersHoldWithdrawn")
@Revision("1")
public record OrdersHoldWithdrawn(
        String customerId,
        LocalDate occurredOn,
        LocalDate releasedOn,
        String reason) implements AccountEvent {
}
