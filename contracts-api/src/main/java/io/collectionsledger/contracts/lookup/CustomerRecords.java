package io.collectionsledger.contracts.lookup;

import java.util.List;

/**
 * What was recorded about one customer, record by record, each in the order it was recorded and
 * as it stood as of the query's date and time: the file, then each kind of record.
 */
public record CustomerRecords(
        CustomerFile file,
        List<Contract> contracts,
        List<Delivery> deliveries,
        List<Invoice> invoices,
        List<Payment> payments,
        List<Promise> promises,
        List<Plan> plans,
        List<Dispute> disputes,
        List<Letter> letters,
        List<Guarantee> guarantees,
        List<AssetLead> assetLeads,
        List<LegalCase> legalCases) {
}
