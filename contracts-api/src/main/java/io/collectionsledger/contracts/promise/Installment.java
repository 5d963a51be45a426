package io.collectionsledger.contracts.promise;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;

/** One installment of a payment plan: principal and the interest agreed on it, due on one date. */
public record Installment(String installmentId, Money principal, Money interest, LocalDate dueDate) {

    public Installment {
        Require.id(installmentId, "installmentId");
        Require.positive(principal, "principal");
        Require.present(interest, "interest");
        if (interest.signum() < 0) {
            throw new io.collectionsledger.contracts.shared.InvalidValue("interest", "must not be negative");
        }
        Require.date(dueDate, "dueDate");
    }
}
