package io.collectionsledger.ledger.time;

import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.ledger.account.Rule;
import io.collectionsledger.ledger.account.RuleViolation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Closes business days: every day since the last day closed, up to today (or a day named before it),
 * in one pass. Each account due by that last day on the {@link AccountAgenda} (due by any day of the
 * gap) is sent {@link CloseBusinessDay} for it once, and its close records every fact of the gap on the
 * business day it belongs to, so facts that fell due while the service was down are recorded when it
 * starts again, on their own days, at the cost of one command per account rather than one per
 * account and day. An account is due from the first day whose close would record anything on it,
 * so the others, which that close would leave as they are, are not sent it. One close for the gap
 * records what closing each day in turn records, with one difference: fees taken back because they
 * were recorded under an earlier rule ({@code LateFeesCorrected}) are dated the day the command
 * names, so such a correction a catch-up makes is dated today, the day it is made, not the gap's
 * first day (and the events of the one close come grouped by kind, not day after day;
 * {@code GapClosedOnceTest}). Accounts make closing
 * idempotent, and one that was closed has a later day on the agenda, so a run cut short by a crash
 * is simply run again. One instance closes at a time, under a PostgreSQL advisory lock held for the
 * run. Each day of the gap gets its row in {@code business_day_closed}: {@code accounts} is the
 * number of accounts due by that day, which the pass closed, and {@code closed_at} when the pass
 * finished.
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
     * What a run did: the days it closed, how many accounts it closed (each once, however many days it
     * closed), whether it ran (false: another instance was closing), and the position of the last event
     * of the accounts it closed, which is the last event it wrote when it wrote any (0 when it closed none).
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
        return closeDaysThrough(calendar.today());
    }

    /**
     * Closes the business days since the last one closed through {@code through}, which may be a day
     * before today: an operator who catches up a long outage in steps, or a benchmark that times one
     * ordinary day. A day after today has not begun, and a day before the last one closed is closed
     * already (closing it again would record nothing and misstate the days closed), so both are refused;
     * the last day closed may be closed again, as today is on every run.
     */
    public Run closeDaysThrough(LocalDate through) {
        LocalDate today = calendar.today();
        if (through.isAfter(today)) {
            throw new RuleViolation(Rule.DATED_IN_THE_FUTURE, "through " + through + " is after today's business date " + today);
        }
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
                return closeDays(through);
            } finally {
                try (var unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        });
    }

    private Run closeDays(LocalDate last) {
        Optional<LocalDate> lastClosed = lastClosed();
        if (lastClosed.filter(last::isBefore).isPresent()) {
            throw new DayAlreadyClosed(lastClosed.get(), last);
        }
        // The last day closed is closed again on every run (facts recorded later in the day still count); earlier days once each.
        LocalDate from = lastClosed.map(day -> day.isBefore(last) ? day.plusDays(1) : last).orElse(last);
        List<AccountAgenda.Due> due = agenda.dueBy(last);
        Pass pass = new Pass(last, Long.toString(clock.millis()));
        for (int at = 0; at < due.size(); at += ACCOUNTS_PER_TRANSACTION) {
            pass.accounts(due.subList(at, Math.min(at + ACCOUNTS_PER_TRANSACTION, due.size())));
        }
        // A day is closed once every account due by it has been closed. Every account due by a day before the earliest first
        // day due of the accounts that failed was closed (through the last day), so those days are closed, and only those: what closing
        // each day in turn did, stopping at the first day a failed account was due. The next run goes on from that day and
        // sends the close again to every account still due, the failed ones among them. (Marking none of the gap's days would
        // be as safe, since the agenda, not these rows, says which accounts are due, but would deny days that are closed.)
        LocalDate through = pass.failed.stream().map(AccountAgenda.Due::day).min(LocalDate::compareTo)
                .map(day -> (day.isBefore(from) ? from : day).minusDays(1)).orElse(last);
        Timestamp closedAt = Timestamp.from(clock.instant());
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
            jdbc.sql("""
                            insert into business_day_closed (business_date, closed_at, accounts) values (?, ?, ?)
                            on conflict (business_date) do update set closed_at = excluded.closed_at, accounts = excluded.accounts""")
                    .params(day, closedAt, accountsDueBy(due, day)).update();
        }
        int closed = due.size() - pass.failed.size();
        if (pass.failed.isEmpty()) {
            log.info("closed business days {} to {} in one pass for the {} accounts due", from, last, closed);
        } else {
            log.warn("closed {} of the {} accounts due by {}; business days closed through {}", closed, due.size(), last, through);
        }
        return new Run(from, through, closed, true, pass.position);
    }

    private static int accountsDueBy(List<AccountAgenda.Due> due, LocalDate day) {
        return (int) due.stream().filter(account -> !account.day().isAfter(day)).count();
    }

    /** The one close of the gap: accounts in one transaction, or one by one when that fails, so that one account's failure holds back no other. */
    private final class Pass {

        private final LocalDate day;
        private final String run;
        private final List<AccountAgenda.Due> failed = new ArrayList<>();
        private long position;

        Pass(LocalDate day, String run) {
            this.day = day;
            this.run = run;
        }

        void accounts(List<AccountAgenda.Due> accounts) {
            List<CommandDispatcher.Request> requests = accounts.stream().map(this::request).toList();
            try {
                dispatcher.dispatchTogether(requests).forEach(this::closed);
            } catch (RuntimeException together) {
                for (int i = 0; i < requests.size(); i++) {
                    CommandDispatcher.Request request = requests.get(i);
                    try {
                        closed(dispatcher.dispatch(request.command(), request.context()));
                    } catch (RuntimeException e) {
                        failed.add(accounts.get(i));
                        log.error("closing {} for account {} failed; it is closed again on the next run", day, request.command().customerId(), e);
                    }
                }
            }
        }

        private CommandDispatcher.Request request(AccountAgenda.Due account) {
            return new CommandDispatcher.Request(new CloseBusinessDay(account.account(), day), new CommandContext("ledger",
                    "close-of-day:" + day + ":" + account.account() + ":" + run, "close-of-day:" + day, "ledger:close-of-day", "system", null));
        }

        private void closed(CommandDispatcher.Outcome outcome) {
            position = Math.max(position, outcome.accepted().position());
        }
    }

    private Optional<LocalDate> lastClosed() {
        return jdbc.sql("select max(business_date) from business_day_closed").query(LocalDate.class).optional();
    }
}
