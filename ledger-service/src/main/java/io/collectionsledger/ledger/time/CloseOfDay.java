package io.collectionsledger.ledger.time;

import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.ledger.command.AccountAgenda;
import io.collectionsledger.ledger.command.CommandContext;
import io.collectionsledger.ledger.command.CommandDispatcher;
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
 * Closes business days: for each day since the last day closed, in order, up to today, the accounts
 * due by that day on the {@link AccountAgenda} are sent {@link CloseBusinessDay}, so facts that fell
 * due while the service was down are recorded when it starts again, on the day they belong to. An
 * account is due from the first day whose close would record anything on it, so the others, which
 * that close would leave as they are, are not sent it: a day costs what is due on it. Accounts make
 * closing idempotent, and one that was closed has a later day on the agenda, so a run cut short by a
 * crash is simply run again. One instance closes at a time, under a PostgreSQL advisory lock held for
 * the run.
 */
@Component
public class CloseOfDay {

    private static final Logger log = LoggerFactory.getLogger(CloseOfDay.class);
    /** Any constant that no other part of the ledger takes as an advisory lock. */
    private static final long LOCK = 0x436c6f7365446179L;
    /**
     * Accounts closed in one transaction: one commit for many, as the bulk import does, but not so many
     * that Axon's event bus slows down: it stages a unit of work's events in a list and checks each new
     * one against all staged before it, so a transaction's cost grows with the square of its events. At
     * 100 accounts, a backlog's close staged thousands of events per transaction and spent 30 % of its
     * CPU in that check (bench run 20261206-064938).
     */
    private static final int ACCOUNTS_PER_TRANSACTION = 20;

    private final CommandDispatcher dispatcher;
    private final AccountAgenda agenda;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final JdbcTemplate lockConnection;

    CloseOfDay(CommandDispatcher dispatcher, AccountAgenda agenda, BusinessCalendar calendar, Clock clock, JdbcClient jdbc,
               JdbcTemplate lockConnection) {
        this.dispatcher = dispatcher;
        this.agenda = agenda;
        this.calendar = calendar;
        this.clock = clock;
        this.jdbc = jdbc;
        this.lockConnection = lockConnection;
    }

    /**
     * What a run did: the days it closed, how many accounts it sent the close (summed over the days),
     * whether it ran (false: another instance was closing), and the position of the last event of the
     * accounts it closed, which is the last event it wrote when it wrote any (0 when it closed none).
     */
    public record Run(LocalDate from, LocalDate through, int accounts, boolean ran, long position) {
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
                        return new Run(null, null, 0, false, 0);
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
        String run = Long.toString(clock.millis());
        int closed = 0;
        long position = 0;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            List<String> due = agenda.dueBy(day);
            Day close = new Day(day, run);
            for (int at = 0; at < due.size(); at += ACCOUNTS_PER_TRANSACTION) {
                close.accounts(due.subList(at, Math.min(at + ACCOUNTS_PER_TRANSACTION, due.size())));
            }
            closed += due.size() - close.failed;
            position = Math.max(position, close.position);
            if (close.failed > 0) {
                return new Run(from, day.minusDays(1), closed, true, position);
            }
            jdbc.sql("""
                            insert into business_day_closed (business_date, closed_at, accounts) values (?, ?, ?)
                            on conflict (business_date) do update set closed_at = excluded.closed_at, accounts = excluded.accounts""")
                    .params(day, Timestamp.from(clock.instant()), due.size()).update();
            log.info("closed business day {} for the {} accounts due", day, due.size());
        }
        return new Run(from, today, closed, true, position);
    }

    /** The close of one day: accounts in one transaction, or one by one when that fails, so that one account's failure holds back no other. */
    private final class Day {

        private final LocalDate day;
        private final String run;
        private int failed;
        private long position;

        Day(LocalDate day, String run) {
            this.day = day;
            this.run = run;
        }

        void accounts(List<String> accounts) {
            List<CommandDispatcher.Request> requests = accounts.stream().map(this::request).toList();
            try {
                dispatcher.dispatchTogether(requests).forEach(this::closed);
            } catch (RuntimeException together) {
                for (CommandDispatcher.Request request : requests) {
                    try {
                        closed(dispatcher.dispatch(request.command(), request.context()));
                    } catch (RuntimeException e) {
                        failed++;
                        log.error("closing {} for account {} failed; it is closed again on the next run", day, request.command().customerId(), e);
                    }
                }
            }
        }

        private CommandDispatcher.Request request(String account) {
            return new CommandDispatcher.Request(new CloseBusinessDay(account, day), new CommandContext("ledger",
                    "close-of-day:" + day + ":" + account + ":" + run, "close-of-day:" + day, "ledger:close-of-day", "system", null));
        }

        private void closed(CommandDispatcher.Outcome outcome) {
            position = Math.max(position, outcome.accepted().position());
        }
    }

    private Optional<LocalDate> lastClosed() {
        return jdbc.sql("select max(business_date) from business_day_closed").query(LocalDate.class).optional();
    }
}
