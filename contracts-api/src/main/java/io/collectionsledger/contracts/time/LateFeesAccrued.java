package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Late fees accrued day by day on the account's overdue terms, under the contract's and the legal cap. */
@EventType("time.LateFeesAccrued")
@Revision("1")
public record LateFeesAccrued(
        String customerId,
        LocalDate occurredOn,
        List<LateFeeAccrual> accruals) implements AccountEvent {
}
