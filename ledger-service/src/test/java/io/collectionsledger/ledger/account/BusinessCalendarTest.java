package io.collectionsledger.ledger.account;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {

    @Test
    void theBusinessDateIsTheCalendarDayInTheLedgersTimeZone() {
        Clock lateEveningUtc = Clock.fixed(Instant.parse("2026-11-24T17:00:00Z"), ZoneOffset.UTC);

        assertThat(new BusinessCalendar(lateEveningUtc, ZoneId.of("Asia/Shanghai")).today()).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(new BusinessCalendar(lateEveningUtc, ZoneOffset.UTC).today()).isEqualTo(LocalDate.parse("2026-11-24"));
    }
}
