package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.CollectionStage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The day a term entered each collection stage, read from what was open on it by business date,
 * whatever the order the facts were recorded in: a term paid 25 days late entered 1–30 the day
 * after its due date even when the payment and the invoice were both recorded a year later.
 */
final class StageEntries {

    private StageEntries() {
    }

    /**
     * The first day from the stage's first day past due at whose end something was open on the term
     * (a term reopened later enters it on the day it was reopened); empty when no such day is known.
     */
    static Optional<LocalDate> entered(OpenTerm term, CollectionStage stage) {
        LocalDate first = term.dueDate.plusDays(Math.max(1, stage.firstDay()));
        Money open = term.openOn(first);
        if (open.signum() > 0) {
            return Optional.of(first);
        }
        for (Map.Entry<LocalDate, Money> change : term.openChanges().tailMap(first, false).entrySet()) {
            open = open.plus(change.getValue());
            if (open.signum() > 0) {
                return Optional.of(change.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * The first day a close would record anything on the term's stages: a stage entered and not
     * recorded on that day, or one recorded that the facts contradict (due at once, from its day).
     */
    static Optional<LocalDate> nextChange(OpenTerm term) {
        List<LocalDate> days = new ArrayList<>();
        for (CollectionStage stage : CollectionStage.values()) {
            Optional<LocalDate> entered = entered(term, stage);
            LocalDate recorded = term.stagesEntered().get(stage);
            if (recorded != null && !entered.equals(Optional.of(recorded))) {
                days.add(recorded);
            }
            if (entered.isPresent() && !entered.get().equals(recorded)) {
                days.add(entered.get());
            }
        }
        return days.stream().min(LocalDate::compareTo);
    }
}
