package io.collectionsledger.contracts.dunning;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A dunning letter was sent. {@code documentRef} names its document: for a letter the ledger made,
 * {@code sha256:<hex>}, the key of the bytes it keeps, which {@code documentSha256} and
 * {@code templateVersion} also give; both are null for a letter made elsewhere, and for every
 * letter recorded before revision 2.
 */
@EventType("dunning.DunningLetterSent")
@Revision("2")
public record DunningLetterSent(
        String customerId,
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
        String documentRef,
        String documentSha256,
        String templateVersion) implements AccountEvent {
}
