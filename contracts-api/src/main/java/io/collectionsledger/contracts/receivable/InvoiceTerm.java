package io.collectionsledger.contracts.receivable;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;

/** One amount of an invoice due on one date: the unit that ages, is paid and falls overdue. */
public record InvoiceTerm(String termId, Money amount, LocalDate dueDate) {

    public InvoiceTerm {
        Require.id(termId, "termId");
        Require.positive(amount, "amount");
        Require.date(dueDate, "dueDate");
    }
}
