package io.collectionsledger.ledger.query;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.collectionsledger.ledger.account.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every report reads the same way: asOf, knownAt, Ledger-Min-Position and Prefer; and how it answers CSV. */
class ReportParametersTest {

    private static final Instant NOW = Instant.parse("2026-11-24T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(CLOCK, ZoneId.of("Asia/Shanghai"));

    @Test
    void aReportIsAsOfTodayInTheBusinessZoneAndAsKnownNowUnlessTheCallerSaysOtherwise() {
        assertThat(AsOf.of(null, "", CALENDAR, CLOCK)).isEqualTo(new AsOf(LocalDate.parse("2026-11-25"), NOW));
        assertThat(AsOf.of("2026-06-30", "2026-07-01T08:00:00+08:00", CALENDAR, CLOCK))
                .isEqualTo(new AsOf(LocalDate.parse("2026-06-30"), Instant.parse("2026-07-01T00:00:00Z")));
    }

    @Test
    void aDateOrATimeThatCannotBeReadIsAnInvalidQueryNamingTheParameter() {
        assertThatThrownBy(() -> AsOf.of("yesterday", null, CALENDAR, CLOCK)).isInstanceOf(InvalidQuery.class)
                .hasMessage("asOf: a date such as 2026-11-24; got yesterday");
        assertThatThrownBy(() -> AsOf.of(null, "2026-07-01T08:00:00", CALENDAR, CLOCK)).isInstanceOf(InvalidQuery.class)
                .hasMessageStartingWith("knownAt: ");
    }

    @Test
    void aMinimumPositionIsANumberOrNothing() {
        assertThat(MinPosition.of("42", "wait=1")).isEqualTo(new MinPosition(42L, "wait=1"));
        assertThat(MinPosition.of(null, null)).isEqualTo(new MinPosition(null, null));
        assertThatThrownBy(() -> MinPosition.of("forty-two", null)).isInstanceOf(InvalidQuery.class)
                .hasMessageStartingWith("Ledger-Min-Position: ");
    }

    @Test
    void everyReportThatAnswersCsvKnowsHowToWriteItsAnswer() {
        List<Method> csvHandlers = new ClassFileImporter().importPackages("io.collectionsledger.ledger.query").stream()
                .filter(type -> type.isAnnotatedWith(RestController.class))
                .map(JavaClass::reflect)
                .flatMap(controller -> Arrays.stream(controller.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(GetMapping.class)
                        && Arrays.asList(method.getAnnotation(GetMapping.class).produces()).contains(Csv.MEDIA_TYPE))
                .toList();

        assertThat(csvHandlers).hasSizeGreaterThanOrEqualTo(7);
        assertThat(csvHandlers).allSatisfy(handler -> assertThat(Csv.exports(handler.getReturnType())).as(handler.toString()).isTrue());
    }
}
