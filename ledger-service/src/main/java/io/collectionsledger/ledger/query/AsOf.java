package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.account.BusinessCalendar;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * When a report is read at: as of a business date (the parameter {@code asOf}, today by default)
 * and as the ledger knew it at a time ({@code knownAt}, now by default). Hidden from springdoc,
 * which would describe it as one object: {@link QueryParameters} describes its two parameters.
 */
@Hidden
record AsOf(LocalDate date, Instant knownAt) {

    static final String AS_OF = "asOf";
    static final String KNOWN_AT = "knownAt";

    static AsOf of(String asOf, String knownAt, BusinessCalendar calendar, Clock clock) {
        return new AsOf(
                absent(asOf) ? calendar.today() : parsed(AS_OF, asOf, text -> LocalDate.parse(text, DateTimeFormatter.ISO_DATE),
                        "a date such as 2026-11-24"),
                absent(knownAt) ? clock.instant() : parsed(KNOWN_AT, knownAt, text -> DateTimeFormatter.ISO_DATE_TIME.parse(text, Instant::from),
                        "a time with its offset such as 2026-11-24T10:00:00Z"));
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }

    private static <T> T parsed(String name, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(name + ": " + expected + "; got " + value);
        }
    }
}
