package io.collectionsledger.contracts.policy;

import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.LedgerEvent;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The legal cap on late fees is {@code annualPercent} a year on the principal overdue on each day, for
 * the days from {@code effectiveFrom} until a later change takes effect. Fees for days before it keep
 * the rate they accrued under; {@code changeId} names the change so that recording it twice records it once.
 */
@EventType("policy.LegalLateFeeCapChanged")
@Revision("1")
public record LegalLateFeeCapChanged(
        String changeId,
        LocalDate effectiveFrom,
        BigDecimal annualPercent,
        String reason) implements LedgerEvent {

    /** The change holds from its effective date. */
    @Override
    public LocalDate occurredOn() {
        return effectiveFrom;
    }
}
