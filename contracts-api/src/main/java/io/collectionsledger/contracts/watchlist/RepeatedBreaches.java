package io.collectionsledger.contracts.watchlist;

import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.List;

/** A customer with several promises broken or partially kept (as last recorded), and what they fell short by, per currency. */
public record RepeatedBreaches(String customerId, String collector, int breaches, LocalDate lastJudgedOn, List<Money> shortfall) {
}
