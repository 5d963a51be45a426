package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Late fees recorded above the caps, taken back by the close of a business day: those a payment
 * dated back made not owed on each day they were recorded, those recorded under an earlier rule on
 * the day the close names (a catch-up after an outage closes once, for its last day). Also the
 * payment of fees that money dated earlier, recorded later, takes over from money dated later,
 * dated that later money's day and taking nothing back: that money becomes credit, which the ledger
 * applies to principal on the same day. Recorded accruals are never edited, so history shows both
 * the fees as first accrued and this correction. {@code reason} says which rule the recorded fees broke.
 */
@EventType("time.LateFeesCorrected")
@Revision("1")
public record LateFeesCorrected(
        String customerId,
        LocalDate occurredOn,
        List<LateFeeCorrection> corrections,
        String reason) implements AccountEvent {
}
