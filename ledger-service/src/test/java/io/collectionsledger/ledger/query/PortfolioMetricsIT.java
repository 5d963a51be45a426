package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio's metrics over HTTP. Other tests share the service's portfolio, so this one reads
 * the rows of a collector of its own: 1000 CNY invoiced on 10 September, due 10 October; 400
 * paid on 20 October; a contact and a promise in November.
 */
class PortfolioMetricsIT extends LedgerIT {

    @Test
    void aCollectorsMonthsAsTheAnalystReadsThemInJsonAndCsvAndEveryReadIsLogged() {
        String collector = "collector-" + customer.substring(2, 10);
        ok(register());
        ok(command("/customers/{c}/collector-assignments", """
                {"occurredOn": "2026-09-01", "collector": "%s", "tier": "C"}""".formatted(collector)));
        ok(command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-09-10", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2026-10-10"}]}"""));
        ok(command("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2026-10-20", "amount": {"amount": "400.00", "currency": "CNY"}, "method": "BANK_TRANSFER"}"""));
        ok(command("/customers/{c}/contact-attempts", """
                {"contactId": "CT-1", "occurredOn": "2026-11-02", "channel": "PHONE", "partyReached": "Zhang Min, CFO",
                 "outcome": "PROMISE_OBTAINED"}"""));
        String position = ok(command("/customers/{c}/payment-promises", """
                {"promiseId": "PR-1", "occurredOn": "2026-11-02", "amount": {"amount": "600.00", "currency": "CNY"}, "promisedDate": "2026-11-30",
                 "form": "SPOKEN"}""")).getHeaders().getFirst(Headers.POSITION);
        String analyst = Tokens.mint("analyst-" + customer, "analyst");
        String path = "/portfolio-metrics?from=2026-09-01&to=2026-11-30&by=collector";

        JsonNode metrics = ok(get(path, h -> {
            h.setBearerAuth(analyst);
            h.set(Headers.MIN_POSITION, position);
        })).getBody();

        List<JsonNode> mine = rowsOf(metrics, collector);
        assertThat(mine).extracting(row -> row.get("start").asText()).containsExactly("2026-09-01", "2026-10-01", "2026-11-01");
        JsonNode september = mine.get(0).at("/currencies/0");
        assertThat(september.at("/invoiced/amount").asText()).isEqualTo("1000.00");
        assertThat(september.at("/openAtEnd/amount").asText()).isEqualTo("1000.00");
        assertThat(september.at("/overdueAtEnd/amount").asText()).isEqualTo("0.00");
        // 1000 open ÷ 1000 invoiced × 30 days
        assertThat(september.get("dso").decimalValue()).isEqualByComparingTo("30");
        JsonNode october = mine.get(1).at("/currencies/0");
        assertThat(october.at("/collected/amount").asText()).isEqualTo("400.00");
        assertThat(october.at("/openAtEnd/amount").asText()).isEqualTo("600.00");
        assertThat(october.at("/overdueAtEnd/amount").asText()).isEqualTo("600.00");
        assertThat(october.get("overdueRatePercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(october.get("onTarget").asBoolean()).isFalse();
        // (1000 + 0 − 600) ÷ (1000 + 0 − 0 current)
        assertThat(october.get("ceiPercent").decimalValue()).isEqualByComparingTo("40");
        // the cohort of 11 October: 1000, of which 400 came 10 days past due
        assertThat(october.at("/recovery/becameOverdue/amount").asText()).isEqualTo("1000.00");
        assertThat(october.at("/recovery/points/0/share").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(mine.get(2).get("contactAttempts").asInt()).isEqualTo(1);
        assertThat(mine.get(2).get("promisesMade").asInt()).isEqualTo(1);
        assertThat(mine.get(2).get("ptpRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(mine.get(2).get("end").asText()).isEqualTo(today().isBefore(java.time.LocalDate.parse("2026-11-30"))
                ? today().toString() : "2026-11-30");

        ResponseEntity<String> csv = get(path, String.class, h -> {
            h.setBearerAuth(analyst);
            h.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        });
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody()).contains("start,end,group,currency,openAtStart,openAtEnd,overdueAtEnd,overdueRatePercent,onTarget")
                .contains("2026-10-01,2026-10-31," + collector + ",CNY,1000.00,600.00,600.00,100.00,false,0.00,400.00,0.00,0.00,0.00,,40.00,1000.00,400.00,0.4000");

        assertThat(jdbc.sql("select count(*) from access_log where path = '/portfolio-metrics' and principal = ?")
                .param("analyst-" + customer).query(Long.class).single()).isEqualTo(2);
        assertThat(get(path, h -> h.setBearerAuth(Tokens.mint("nobody"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theOverallTwelveMonthsUpToTodayAreTheDefault() {
        JsonNode metrics = ok(get("/portfolio-metrics?overdueTarget=7.5", h -> { })).getBody();

        assertThat(metrics.get("periods")).hasSize(12);
        assertThat(metrics.get("period").asText()).isEqualTo("MONTH");
        assertThat(metrics.get("overdueTargetPercent").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(metrics.at("/periods/11/end").asText()).isEqualTo(today().toString());
        assertThat(metrics.at("/periods/11/group").isNull() || metrics.at("/periods/11/group").isMissingNode()).isTrue();
        assertThat(ok(get("/portfolio-metrics?period=week", h -> { })).getBody().get("periods")).hasSize(13);
    }

    @Test
    void aPeriodGroupingOrTargetItDoesNotKnowIsAnInvalidQuery() {
        for (String query : List.of("period=year", "by=region", "overdueTarget=120", "from=2026-11-30&to=2026-11-01", "from=1990-01-01")) {
            ResponseEntity<JsonNode> answer = get("/portfolio-metrics?" + query, h -> { });
            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-query");
        }
    }

    private static List<JsonNode> rowsOf(JsonNode metrics, String group) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        metrics.get("periods").forEach(row -> {
            if (group.equals(row.path("group").asText())) {
                rows.add(row);
            }
        });
        return rows;
    }

    private static <T> ResponseEntity<T> ok(ResponseEntity<T> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer;
    }
}
