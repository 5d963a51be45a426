package io.collectionsledger.ledger.time;

import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.ledger.command.CommandContext;
import io.collectionsledger.ledger.command.CommandDispatcher;
import io.collectionsledger.ledger.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Closes business days: every account is sent {@link CloseBusinessDay} for each day since the
 * last day closed, in order, up to today, so facts that fell due while the service was down are
 * recorded when it starts again, on the day they belong to. Accounts make closing idempotent,
 * so a run cut short by a crash is simply run again. One instance closes at a time, under a
 * PostgreSQL advisory lock held for the run.
 */
@Component
public class CloseOfDay {

    private static final Logger log = LoggerFactory.getLogger(CloseOfDay.class);
    /** Any constant that no other part of the ledger takes as an advisory lock. */
    private static final long LOCK = 0x436c6f7365446179L;

    private final CommandDispatcher dispatcher;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final Journal journal;
    private final JdbcClient jdbc;
    private final JdbcTemplate lockConnection;

    CloseOfDay(CommandDispatcher dispatcher, BusinessCalendar calendar, Clock clock, Journal journal, JdbcClient jdbc,
               JdbcTemplate lockConnection) {
        this.dispatcher = dispatcher;
        this.calendar = calendar;
        this.clock = clock;
        this.journal = journal;
        this.jdbc = jdbc;
        this.lockConnection = lockConnection;
    }

    public record Run(LocalDate from, LocalDate through, int accounts, boolean ran) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpOnStart() {
        closeDaysThroughToday();
    }

    /** Shortly after midnight in the business zone, and every hour in case a run failed (LEDGER_CLOSE_OF_DAY_CRON; "-" turns it off). */
    @Scheduled(cron = "${ledger.close-of-day-cron:0 5 * * * *}", zone = "${ledger.business-zone:Asia/Shanghai}")
    void hourly() {
        closeDaysThroughToday();
    }

    public Run closeDaysThroughToday() {
        return lockConnection.execute((java.sql.Connection connection) -> {
            try (var lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (var result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        log.info("another instance is closing business days");
                        return new Run(null, null, 0, false);
                    }
                }
            }
            try {
                return closeDays();
            } finally {
                try (var unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        });
    }

    private Run closeDays() {
        LocalDate today = calendar.today();
        // Today is closed on every run (facts recorded later in the day still count); earlier days once each.
        LocalDate from = lastClosed().map(day -> day.isBefore(today) ? day.plusDays(1) : today).orElse(today);
        List<String> accounts = journal.accounts();
        String run = Long.toString(clock.millis());
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            int failed = 0;
            for (String account : accounts) {
                try {
                    dispatcher.dispatch(new CloseBusinessDay(account, day), new CommandContext("ledger",
                            "close-of-day:" + day + ":" + account + ":" + run, "close-of-day:" + day, "ledger:close-of-day", "system", null));
                } catch (RuntimeException e) {
                    failed++;
                    log.error("closing {} for account {} failed; it is closed again on the next run", day, account, e);
                }
            }
            if (failed > 0) {
                return new Run(from, day.minusDays(1), accounts.size(), true);
            }
            jdbc.sql("""
                            insert into business_day_closed (business_date, closed_at, accounts) values (?, ?, ?)
                            on conflict (business_date) do update set closed_at = excluded.closed_at, accounts = excluded.accounts""")
                    .params(day, Timestamp.from(clock.instant()), accounts.size()).update();
            log.info("closed business day {} for {} accounts", day, accounts.size());
        }
        return new Run(from, today, accounts.size(), true);
    }

    private Optional<LocalDate> lastClosed() {
        return jdbc.sql("select max(business_date) from business_day_closed").query(LocalDate.class).optional();
    }
}
