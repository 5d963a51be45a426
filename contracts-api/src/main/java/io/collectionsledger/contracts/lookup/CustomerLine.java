package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.shared.Money;

import java.util.List;

/**
 * A customer as a list shows it: its collector and tier (null until assigned), the classes of its
 * open invoices, and the principal open in each currency it owes in.
 */
public record CustomerLine(String customerId, String name, String collector, ReminderTier tier,
                           List<ReceivableClass> receivableClasses, List<Money> open) {
}
