package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.dossier.ContractOnFile;
import io.collectionsledger.contracts.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a dunning letter (催款函) states, as of a business date, as known at a time: the overdue
 * debts it demands with their principal and late fees to date, the contracts whose payment and
 * late-fee clauses and dispute forum it quotes, the deadline, and who sends it to whom. Disputed
 * invoices are left out (a letter may demand only what is not disputed) and their amount is named.
 *
 * @param level     1 for the first demand, 2 for the second, 3 for the final one: the letters sent before it, plus one
 * @param contracts the contracts behind the debts, in the order of the debts
 */
public record DunningLetterDraft(
        String letterId,
        LocalDate asOf,
        Instant knownAt,
        int level,
        Party sender,
        Party recipient,
        List<Debt> debts,
        Money principal,
        Money lateFees,
        Money total,
        List<ContractOnFile> contracts,
        LocalDate deadline,
        Money disputedLeftOut) {

    /**
     * One overdue invoice term (or plan installment) demanded.
     *
     * @param principal the open principal (statement of account)
     * @param lateFees  the late fees accrued and not yet paid (statement of account)
     * @param total     what is open on it (statement of account; the aging report agrees)
     */
    public record Debt(String invoiceId, String termId, String contractId, LocalDate dueDate, long daysOverdue,
                       Money principal, Money lateFees, Money total) {
    }
}
