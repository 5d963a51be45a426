package io.collectionsledger.ledger.time;

import java.time.LocalDate;

/** A close through a day before the last day closed: those days are closed, and closing one again would misstate the days closed. */
class DayAlreadyClosed extends RuntimeException {

    DayAlreadyClosed(LocalDate lastClosed, LocalDate through) {
        super("business days through " + lastClosed + " are closed; the close goes on from " + lastClosed.plusDays(1) + ", and "
                + through + " is before it");
    }
}
