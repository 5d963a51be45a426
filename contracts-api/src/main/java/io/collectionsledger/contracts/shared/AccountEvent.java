package io.collectionsledger.contracts.shared;

import java.time.LocalDate;

/**
 * A fact about one customer's account. {@code occurredOn} is the business day it happened; when
 * it was recorded is the event's timestamp, kept by the event store.
 *
 * <p>Not sealed: the events live in packages by concept, and outside a named module a sealed
 * hierarchy must stay within one package.
 */
public interface AccountEvent {

    String customerId();

    LocalDate occurredOn();
}
