package io.collectionsledger.contracts.dunning;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * A formal written demand (催款函): the amount demanded including late fees, a deadline, all
 * rights reserved, sent by tracked courier. It may not demand what the customer disputes.
 */
public record SendDunningLetter(
        @TargetAggregateIdentifier String customerId,
        String letterId,
        LocalDate occurredOn,
        int level,
        List<String> invoiceIds,
        Money amountDemanded,
        Money lateFeesDemanded,
        LocalDate deadline,
        boolean rightsReserved,
        String courier,
        String waybill,
        String documentRef) implements AccountCommand {

    public SendDunningLetter {
        Require.id(customerId, "customerId");
        Require.id(letterId, "letterId");
        Require.date(occurredOn, "occurredOn");
        if (level < 1 || level > 3) {
            throw new InvalidValue("level", "must be 1, 2 or 3");
        }
        invoiceIds = Require.nonEmptyList(invoiceIds, "invoiceIds");
        Require.distinct(invoiceIds, id -> id, "invoiceIds");
        Require.positive(amountDemanded, "amountDemanded");
        Require.present(lateFeesDemanded, "lateFeesDemanded");
        Require.date(deadline, "deadline");
        if (deadline.isBefore(occurredOn)) {
            throw new InvalidValue("deadline", "must not be before the letter is sent");
        }
        Require.text(courier, "courier", Require.SHORT_TEXT);
        Require.text(waybill, "waybill", Require.SHORT_TEXT);
        Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
    }
}
