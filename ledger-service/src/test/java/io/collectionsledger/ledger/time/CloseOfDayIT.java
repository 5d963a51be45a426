package io.collectionsledger.ledger.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is stopped, days pass, it starts again: every fact that fell due meanwhile is
 * recorded on its own business day, once, however often the days are closed afterwards.
 */
class CloseOfDayIT {

    private static final String DATABASE = FreshDatabase.another();
    private final MovableClock clock = new MovableClock(LedgerIT.START);
    private final String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);
    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void factsThatFellDueWhileTheServiceWasDownAreRecordedOnceOnTheirOwnDays() {
        service = RunningService.start(DATABASE, clock);
        overdueWithAPromiseClosedOn25November();
        service.close();

        clock.advance(Duration.ofDays(40));   // down from 25 November to 4 January
        service = RunningService.start(DATABASE, clock);   // catches up on start
        service.send("/admin/close-of-day", "{}");         // and again: nothing more

        assertThat(count("CollectionStageReached")).isEqualTo(2);
        assertThat(dates("CollectionStageReached")).containsExactly("2026-11-24", "2026-12-24");
        assertThat(count("PaymentPromiseBroken")).isEqualTo(1);
        assertThat(dates("PaymentPromiseBroken")).containsExactly("2026-12-01");
        assertThat(count("OrdersHeld")).isEqualTo(1);
        assertThat(dates("OrdersHeld")).containsExactly("2026-12-09");
        // fees fixed at each month's end, not every day closed: 30 November (the 7 days from the first day overdue,
        // 24 November) and 31 December (31 days); the 4 days of January are fixed at its end
        assertThat(dates("LateFeesAccrued")).containsExactly("2026-11-30", "2026-12-31");
        assertThat(service.jdbc().sql("""
                        select sum((payload -> 'accruals' -> 0 ->> 'days')::int) from event_journal
                        where aggregate_identifier = ? and payload_type like '%.LateFeesAccrued'""")
                .param(customer).query(Long.class).single()).isEqualTo(38);
        assertThat(service.jdbc().sql("select count(*) from business_day_closed where business_date between '2026-11-24' and '2027-01-03'")
                .query(Long.class).single()).isEqualTo(41);
        // one close for the whole outage, not one per day it was due
        assertThat(closesSent(customer)).isEqualTo(2);   // 25 November, and the catch-up of 26 November to 4 January
        // each day's row counts the accounts due by it: this one from the month's end, when its late fees are fixed
        assertThat(accountsClosed("2026-11-29")).isZero();
        assertThat(accountsClosed("2026-11-30")).isEqualTo(1);
        assertThat(accountsClosed("2027-01-03")).isEqualTo(1);
    }

    /**
     * An operator catches up an outage in steps, naming the last day of each: the steps record what one
     * close of the whole outage records, on the same days. A day before the last one closed is closed
     * already, and a day after today has not begun: both are refused, and nothing is recorded.
     */
    @Test
    void anOutageClosedInStepsRecordsWhatOneCloseRecordsAndNoDayIsClosedTwiceOrBeforeItBegins() {
        service = RunningService.start(FreshDatabase.another(), clock);
        overdueWithAPromiseClosedOn25November();
        clock.advance(Duration.ofDays(40));   // 4 January, nothing closed since 25 November

        ResponseEntity<JsonNode> first = closeThrough("2026-12-01");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("from").asText()).isEqualTo("2026-11-26");
        assertThat(first.getBody().get("through").asText()).isEqualTo("2026-12-01");
        assertThat(dates("PaymentPromiseBroken")).containsExactly("2026-12-01");
        assertThat(dates("OrdersHeld")).isEmpty();   // 9 December is not closed yet
        assertThat(lastDayClosed()).isEqualTo(LocalDate.parse("2026-12-01"));
        long recorded = service.jdbc().sql("select count(*) from event_journal").query(Long.class).single();

        assertThat(closeThrough("2026-11-30")).satisfies(refused(HttpStatus.CONFLICT, "day-already-closed"));
        assertThat(closeThrough("2027-01-05")).satisfies(refused(HttpStatus.UNPROCESSABLE_ENTITY, "dated-in-the-future"));
        assertThat(closeThrough("2026-12-01").getStatusCode()).isEqualTo(HttpStatus.OK);   // the last day closed, again: nothing more
        assertThat(service.jdbc().sql("select count(*) from event_journal").query(Long.class).single()).isEqualTo(recorded);
        assertThat(lastDayClosed()).isEqualTo(LocalDate.parse("2026-12-01"));

        service.send("/admin/close-of-day", "{}");   // the rest, through today

        // as the one close of the whole outage in the test above
        assertThat(dates("CollectionStageReached")).containsExactly("2026-11-24", "2026-12-24");
        assertThat(dates("PaymentPromiseBroken")).containsExactly("2026-12-01");
        assertThat(dates("OrdersHeld")).containsExactly("2026-12-09");
        assertThat(dates("LateFeesAccrued")).containsExactly("2026-11-30", "2026-12-31");
        assertThat(lastDayClosed()).isEqualTo(LocalDate.parse("2027-01-04"));
    }

    /** A 10,000.00 invoice under late fees due 23 November, half of it promised for 30 November, and 25 November closed. */
    private void overdueWithAPromiseClosedOn25November() {
        service.send("/customers", "{\"customerId\": \"" + customer + "\", \"name\": \"Hengda\", \"occurredOn\": \"2026-01-05\"}");
        service.send("/customers/" + customer + "/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01",
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true}}""");
        service.send("/customers/" + customer + "/invoices", """
                {"invoiceId": "INV-1", "contractId": "K-1", "occurredOn": "2026-10-24", "amount": {"amount": "10000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "10000.00", "currency": "CNY"}, "dueDate": "2026-11-23"}]}""");
        service.send("/customers/" + customer + "/payment-promises", """
                {"promiseId": "PR-1", "occurredOn": "2026-11-24", "amount": {"amount": "5000.00", "currency": "CNY"},
                 "promisedDate": "2026-11-30", "form": "SPOKEN"}""");
        clock.advance(Duration.ofDays(1));
        service.send("/admin/close-of-day", "{}");
    }

    private ResponseEntity<JsonNode> closeThrough(String day) {
        return service.http().post().uri("/admin/close-of-day?through=" + day).contentType(MediaType.APPLICATION_JSON)
                .header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).body("{}")
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .body(new ObjectMapper().readTree(response.getBody())), true);
    }

    private static Consumer<ResponseEntity<JsonNode>> refused(HttpStatus status, String type) {
        return answer -> {
            assertThat(answer.getStatusCode()).isEqualTo(status);
            assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:" + type);
        };
    }

    /**
     * An account whose close fails holds back no other, and the run marks closed only the days before
     * that account's first day due: every account due by them was closed. The next run goes on from
     * that day and sends the close only to the accounts still due.
     */
    @Test
    void anAccountWhoseCloseFailsHoldsBackNoOtherAndLeavesOpenTheDaysFromItsFirstDayDue() {
        String database = FreshDatabase.another();
        service = RunningService.start(database, clock);
        service.send("/customers", "{\"customerId\": \"" + customer + "\", \"name\": \"Hengda\", \"occurredOn\": \"2026-01-05\"}");
        service.send("/customers/" + customer + "/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-10-24", "amount": {"amount": "10000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "10000.00", "currency": "CNY"}, "dueDate": "2026-11-23"}]}""");
        service.send("/customers/" + customer + "/payment-promises", """
                {"promiseId": "PR-1", "occurredOn": "2026-11-24", "amount": {"amount": "5000.00", "currency": "CNY"},
                 "promisedDate": "2026-11-30", "form": "SPOKEN"}""");
        service.send("/admin/close-of-day", "{}");   // 24 November
        service.close();
        // on the agenda from 3 December, but with no events: its close cannot load it and fails
        String failing = customer + "-failing";
        rowsOf(database).sql("insert into account_agenda (account, next_day) values (?, date '2026-12-03')").param(failing).update();

        clock.advance(Duration.ofDays(10));   // down from 25 November to 4 December
        service = RunningService.start(database, clock);   // catches up on start

        assertThat(dates("PaymentPromiseBroken")).containsExactly("2026-12-01");   // not held back by the other
        assertThat(lastDayClosed()).isEqualTo(LocalDate.parse("2026-12-02"));
        assertThat(accountsClosed("2026-12-02")).isEqualTo(1);
        CloseOfDay closeOfDay = service.bean(CloseOfDay.class);
        assertThat(closeOfDay.closeDaysThroughToday()).isEqualTo(new CloseOfDay.Run(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-02"), 0, true, 0));
        assertThat(closesSent(customer)).isEqualTo(2);   // 24 November and the catch-up: closed through today, not due again

        service.jdbc().sql("delete from account_agenda where account = ?").param(failing).update();
        assertThat(closeOfDay.closeDaysThroughToday()).isEqualTo(new CloseOfDay.Run(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-04"), 0, true, 0));
        assertThat(lastDayClosed()).isEqualTo(LocalDate.parse("2026-12-04"));
    }

    /** The database's rows, while no service is running on it. */
    private static JdbcClient rowsOf(String database) {
        PGSimpleDataSource rows = new PGSimpleDataSource();
        rows.setUrl(database);
        rows.setUser(FreshDatabase.user());
        rows.setPassword(FreshDatabase.password());
        return JdbcClient.create(rows);
    }

    private LocalDate lastDayClosed() {
        return service.jdbc().sql("select max(business_date) from business_day_closed").query(LocalDate.class).single();
    }

    private long accountsClosed(String day) {
        return service.jdbc().sql("select accounts from business_day_closed where business_date = ?::date").param(day).query(Long.class).single();
    }

    private long closesSent(String account) {
        return service.jdbc().sql("select count(*) from command_log where customer_id = ? and command_type = 'CloseBusinessDay'")
                .param(account).query(Long.class).single();
    }

    /** An account recorded by the version before the agenda is put on it by the migration, due at once: no due date is missed. */
    @Test
    void anAccountRecordedBeforeTheAgendaIsClosedAtTheFirstCloseAfterTheUpgrade() {
        String database = FreshDatabase.another();
        service = RunningService.start(database, clock);
        service.send("/customers", "{\"customerId\": \"" + customer + "\", \"name\": \"Hengda\", \"occurredOn\": \"2026-01-05\"}");
        service.send("/customers/" + customer + "/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": "10000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "10000.00", "currency": "CNY"}, "dueDate": "2026-11-01"}]}""");
        service.close();
        // the database as the version before the agenda left it
        JdbcClient before = rowsOf(database);
        before.sql("drop table account_agenda").update();
        before.sql("alter table command_log reset (fillfactor)").update();   // V11
        before.sql("delete from flyway_schema_history where version in ('10', '11')").update();

        service = RunningService.start(database, clock);   // migrates, then closes today on start

        assertThat(dates("CollectionStageReached")).containsExactly("2026-11-02");
        assertThat(dates("OrdersHeld")).containsExactly("2026-11-17");
        assertThat(service.jdbc().sql("select next_day from account_agenda where account = ?").param(customer)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.parse("2026-12-02"));   // 31 days past due
    }

    private long count(String type) {
        return dates(type).size();
    }

    private List<String> dates(String type) {
        return service.jdbc().sql("""
                        select payload ->> 'occurredOn' from event_journal
                        where aggregate_identifier = ? and payload_type like ? order by global_index""")
                .params(customer, "%." + type).query(String.class).list();
    }
}
