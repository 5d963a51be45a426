package io.collectionsledger.contracts.dossier;

import io.collectionsledger.contracts.customer.CorrespondenceAddress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the documents sent to a customer or filed in court name and quote, as of a business date,
 * as known at a time: the customer as registered, its contracts' clauses, and the collection work
 * in the order it happened (contacts, dunning letters, promises to pay). Figures owed are not
 * here: they come from the statement, the aging report and the evidence checklist.
 *
 * @param correspondenceAddress the address in force on {@code asOf}; null when none was recorded by then
 */
public record CustomerDossier(
        String customerId,
        LocalDate asOf,
        Instant knownAt,
        String name,
        String registrationNumber,
        CorrespondenceAddress correspondenceAddress,
        List<ContractOnFile> contracts,
        List<ContactOnFile> contacts,
        List<LetterOnFile> letters,
        List<PromiseOnFile> promises) {
}
