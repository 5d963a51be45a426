package io.collectionsledger.contracts.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the documents sent to a customer or filed in court name and quote, as of a business date,
 * as known at a time: the customer as registered, its contracts' clauses, and the collection work
 * in the order it happened (contacts, dunning letters, promises to pay). Figures owed are not
 * here: they come from the statement, the aging report and the evidence checklist.
 */
public record CustomerDossier(
        String customerId,
        LocalDate asOf,
        Instant knownAt,
        String name,
        String registrationNumber,
        List<ContractOnFile> contracts,
        List<ContactOnFile> contacts,
        List<LetterOnFile> letters,
        List<PromiseOnFile> promises) {
}
