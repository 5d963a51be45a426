package io.collectionsledger.contracts.credit;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;

import java.time.Instant;
import java.time.LocalDate;

/**
 * May this customer place an order of this amount? As of a business date (facts that happened by
 * then) and as the ledger knew it at a time (facts recorded by then); an order service asks
 * about today, as known now.
 */
public record CreditDecisionQuery(String customerId, Money order, LocalDate asOf, Instant knownAt) {

    public CreditDecisionQuery {
        Require.id(customerId, "customerId");
        Require.positive(order, "amount");
        Require.date(asOf, "asOf");
        Require.present(knownAt, "knownAt");
    }
}
