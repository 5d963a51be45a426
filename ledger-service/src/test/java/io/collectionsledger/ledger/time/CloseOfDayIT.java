package io.collectionsledger.ledger.time;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerApplication;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is stopped, days pass, it starts again: every fact that fell due meanwhile is
 * recorded on its own business day, once, however often the days are closed afterwards.
 */
class CloseOfDayIT {

    /** The clock survives restarts, as the world's does. */
    static final MovableClock CLOCK = new MovableClock(LedgerIT.START);
    private static final String DATABASE = FreshDatabase.another();

    @Configuration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return CLOCK;
        }
    }

    private ConfigurableApplicationContext service;
    private RestClient http;
    private final String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void factsThatFellDueWhileTheServiceWasDownAreRecordedOnceOnTheirOwnDays() {
        start();
        send("/customers", "{\"customerId\": \"" + customer + "\", \"name\": \"Hengda\", \"occurredOn\": \"2026-01-05\"}");
        send("/customers/" + customer + "/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01",
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true}}""");
        send("/customers/" + customer + "/invoices", """
                {"invoiceId": "INV-1", "contractId": "K-1", "occurredOn": "2026-10-24", "amount": {"amount": "10000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "10000.00", "currency": "CNY"}, "dueDate": "2026-11-23"}]}""");
        send("/customers/" + customer + "/payment-promises", """
                {"promiseId": "PR-1", "occurredOn": "2026-11-24", "amount": {"amount": "5000.00", "currency": "CNY"},
                 "promisedDate": "2026-11-30", "form": "SPOKEN"}""");
        CLOCK.advance(Duration.ofDays(1));
        send("/admin/close-of-day", "{}");
        service.close();

        CLOCK.advance(Duration.ofDays(40));   // down from 25 November to 4 January
        start();                                // catches up on start
        send("/admin/close-of-day", "{}");      // and again: nothing more

        assertThat(count("CollectionStageReached")).isEqualTo(2);
        assertThat(dates("CollectionStageReached")).containsExactly("2026-11-24", "2026-12-24");
        assertThat(count("PaymentPromiseBroken")).isEqualTo(1);
        assertThat(dates("PaymentPromiseBroken")).containsExactly("2026-12-01");
        assertThat(count("OrdersHeld")).isEqualTo(1);
        assertThat(dates("OrdersHeld")).containsExactly("2026-12-09");
        // one accrual a day closed, from the first day overdue (24 November) through 4 January: 42 days, none twice
        assertThat(dates("LateFeesAccrued")).hasSize(41).doesNotHaveDuplicates();
        assertThat(jdbc().sql("""
                        select sum((payload -> 'accruals' -> 0 ->> 'days')::int) from event_journal
                        where aggregate_identifier = ? and payload_type like '%.LateFeesAccrued'""")
                .param(customer).query(Long.class).single()).isEqualTo(42);
        assertThat(jdbc().sql("select count(*) from business_day_closed where business_date between '2026-11-24' and '2027-01-03'")
                .query(Long.class).single()).isEqualTo(41);
    }

    private void start() {
        // command-line arguments: they outrank application.yml, as the environment does in production
        service = new SpringApplicationBuilder(LedgerApplication.class, SharedClock.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE,
                "--spring.datasource.username=" + FreshDatabase.user(),
                "--spring.datasource.password=" + FreshDatabase.password(),
                "--logging.structured.format.console=",
                "--ledger.close-of-day-cron=-",
                "--spring.jmx.enabled=false");
        http = RestClient.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
    }

    private void send(String path, String json) {
        http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header(Headers.CLIENT_ID, "it").header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
                .body(json).retrieve().toBodilessEntity();
    }

    private JdbcClient jdbc() {
        return service.getBean(JdbcClient.class);
    }

    private long count(String type) {
        return dates(type).size();
    }

    private java.util.List<String> dates(String type) {
        return jdbc().sql("""
                        select payload ->> 'occurredOn' from event_journal
                        where aggregate_identifier = ? and payload_type like ? order by global_index""")
                .params(customer, "%." + type).query(String.class).list();
    }
}
