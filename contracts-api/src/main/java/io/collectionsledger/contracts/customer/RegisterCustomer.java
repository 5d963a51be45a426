package io.collectionsledger.contracts.customer;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Opens a customer's account with its credit file. */
public record RegisterCustomer(
        @TargetAggregateIdentifier String customerId,
        String name,
        String registrationNumber,
        LocalDate occurredOn,
        CreditFile creditFile) implements AccountCommand {

    public RegisterCustomer {
        Require.id(customerId, "customerId");
        Require.text(name, "name", Require.SHORT_TEXT);
        Require.optionalText(registrationNumber, "registrationNumber", 64);
        Require.date(occurredOn, "occurredOn");
        creditFile = creditFile == null ? CreditFile.empty() : creditFile;
        Require.optionalDecimal(creditFile.returnOnAssetsPercent(), "creditFile.returnOnAssetsPercent", RATIO_DECIMALS);
        Require.optionalDecimal(creditFile.inventoryTurnover(), "creditFile.inventoryTurnover", RATIO_DECIMALS);
        Require.optionalDecimal(creditFile.debtRatioPercent(), "creditFile.debtRatioPercent", RATIO_DECIMALS);
    }

    /**
     * Checked here, where a client states them, rather than in {@link CreditFile}, which customers
     * already registered are read back into whatever it held.
     */
    private static final int RATIO_DECIMALS = 10;
}
