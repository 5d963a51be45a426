package io.collectionsledger.ledger.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Today's business date, read from the one clock of the service in the ledger's business time zone. */
public class BusinessCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public BusinessCalendar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A fact cannot be recorded as having happened on a day that has not come yet. */
    void requireNotInFuture(LocalDate occurredOn) {
        if (occurredOn.isAfter(today())) {
            throw new RuleViolation(Rule.DATED_IN_THE_FUTURE,
                    "occurredOn " + occurredOn + " is after today's business date " + today());
        }
    }
}
