package io.collectionsledger.ledger.policy;

import io.collectionsledger.contracts.policy.ChangeLegalLateFeeCap;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.ledger.account.LegalLateFeeCapSchedule;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeMap;

/**
 * The legal cap's schedule as recorded in the journal ({@code policy.LegalLateFeeCapChanged} on the
 * aggregate {@link ChangeLegalLateFeeCap#POLICY}), read again at most every few seconds so that a change
 * recorded by another instance reaches this one; a change takes effect no earlier than the day it is
 * recorded, so the interval never decides a fee. Before the first change is recorded (the start-up
 * records it) the configured rate holds, as the first change will say.
 */
public class RecordedLegalLateFeeCaps implements LegalLateFeeCapSchedule {

    private static final long REREAD_NANOS = 5_000_000_000L;

    private final EventStore eventStore;
    private final BigDecimal configuredAnnualPercent;
    private volatile LegalLateFeeCaps caps;
    private volatile long readAt;

    public RecordedLegalLateFeeCaps(EventStore eventStore, BigDecimal configuredAnnualPercent) {
        this.eventStore = eventStore;
        this.configuredAnnualPercent = configuredAnnualPercent;
    }

    @Override
    public LegalLateFeeCaps recorded() {
        LegalLateFeeCaps known = caps;
        if (known == null || System.nanoTime() - readAt > REREAD_NANOS) {
            known = read();
        }
        return known;
    }

    /** Whether any change was recorded yet. */
    boolean anyRecorded() {
        return !changes().isEmpty();
    }

    /** Reads the recorded changes now, as after recording one. */
    LegalLateFeeCaps read() {
        TreeMap<LocalDate, BigDecimal> changes = changes();
        LegalLateFeeCaps read = changes.isEmpty() ? LegalLateFeeCaps.constant(configuredAnnualPercent) : LegalLateFeeCaps.of(changes);
        caps = read;
        readAt = System.nanoTime();
        return read;
    }

    private TreeMap<LocalDate, BigDecimal> changes() {
        TreeMap<LocalDate, BigDecimal> changes = new TreeMap<>();
        eventStore.readEvents(ChangeLegalLateFeeCap.POLICY).asStream()
                .map(event -> event.getPayload())
                .filter(LegalLateFeeCapChanged.class::isInstance)
                .map(LegalLateFeeCapChanged.class::cast)
                .forEach(change -> changes.put(change.effectiveFrom(), change.annualPercent()));
        return changes;
    }
}
