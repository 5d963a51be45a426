package io.collectionsledger.contracts.customer;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the credit file holds about a customer: basic information, operating status and credit
 * record. Every part is optional; what is known is recorded.
 */
public record CreditFile(
        LocalDate founded,
        Money registeredCapital,
        Money fixedAssets,
        Money annualTurnover,
        String receivableUse,
        BigDecimal returnOnAssetsPercent,
        BigDecimal inventoryTurnover,
        BigDecimal debtRatioPercent,
        String pastDebts,
        String repaymentRecord,
        String responsibleForPayment) {

    public CreditFile {
        Require.optionalDate(founded, "founded");
        Require.optionalText(receivableUse, "receivableUse", Require.LONG_TEXT);
        Require.optionalText(pastDebts, "pastDebts", Require.LONG_TEXT);
        Require.optionalText(repaymentRecord, "repaymentRecord", Require.LONG_TEXT);
        Require.optionalText(responsibleForPayment, "responsibleForPayment", Require.SHORT_TEXT);
    }

    public static CreditFile empty() {
        return new CreditFile(null, null, null, null, null, null, null, null, null, null, null);
    }
}
