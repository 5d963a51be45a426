package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.collection.SetCreditLimit;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.RecordContract;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.collectionsledger.ledger.account.Accounts.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, through the service's front door and its read models: a year of one customer's history
 * (invoices under contracts with late fees, partial and late payments, promises) imported at once with
 * {@code POST /imports}, in an order no one chose, then the day closed. As of every month's end, what the
 * aging report finds open on each invoice (late fees in: those recorded and those accrued since) and what
 * the credit decision says of the hold on new orders and the credit limit are what the year's days say,
 * folded by {@link CustomerHistory} without the service.
 */
class YearThroughTheReportsIT {

    private static final String DATABASE = FreshDatabase.another();
    private final MovableClock clock = new MovableClock(LedgerIT.START);
    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aYearImportedAtOnceSaysInTheAgingAndTheCreditDecisionAsOfEveryMonthsEndWhatItsDaysSay() {
        CustomerHistory year = YearImportTest.YEAR_WITH_LATE_FEES;
        service = RunningService.start(DATABASE, clock);

        List<AccountCommand> commands = new ArrayList<>(List.of(
                new RegisterCustomer(CUSTOMER, "Hengda Building Materials Co.", "91310000MA1FL0001X", HistoryRecorder.LIMIT_SET_ON, null),
                new SetCreditLimit(CUSTOMER, HistoryRecorder.LIMIT_SET_ON, HistoryRecorder.cny(year.openingLimit()), "opening limit")));
        year.contracts().forEach(contract -> commands.add(new RecordContract(CUSTOMER, contract.id(), HistoryRecorder.LIMIT_SET_ON, List.of(), List.of(),
                new LateFeeTerms(contract.dailyRatePercent(), contract.capPercentOfPrincipal(), false), null, null)));
        HistoryRecorder.shuffled(year, new Random(17), 0).stream().filter(command -> !(command instanceof CloseBusinessDay)).forEach(commands::add);
        importAtOnce(commands);
        service.send("/admin/close-of-day", "{}");
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));

        year.monthEnds().forEach((day, folded) -> {
            Map<String, BigDecimal> open = new TreeMap<>();
            folded.open().forEach((invoice, amount) -> {
                if (amount.signum() != 0) {
                    open.put(invoice, amount.setScale(2));
                }
            });
            assertThat(agingOpenByInvoice(day)).as("the aging as of %s", day).isEqualTo(open);
            JsonNode decision = creditDecision(day);
            assertThat(held(decision)).as("new orders held as of %s", day).isEqualTo(folded.held());
            assertThat(new BigDecimal(decision.path("limit").path("amount").asText())).as("the limit as of %s", day)
                    .isEqualByComparingTo(folded.limit());
        });
    }

    private void importAtOnce(List<AccountCommand> commands) {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        ObjectNode batch = json.createObjectNode();
        ArrayNode items = batch.putArray("items");
        for (int i = 0; i < commands.size(); i++) {
            items.addObject().put("commandId", "year-" + i).put("type", commands.get(i).getClass().getSimpleName())
                    .set("command", json.valueToTree(commands.get(i)));
        }
        JsonNode result = service.http().post().uri("/imports").contentType(MediaType.APPLICATION_JSON).body(batch.toString())
                .retrieve().body(JsonNode.class);
        assertThat(result.path("refused").asInt()).as("refused: %s", result).isZero();
    }

    private Map<String, BigDecimal> agingOpenByInvoice(LocalDate day) {
        JsonNode report = service.http().get().uri("/aging?asOf={day}&customerId={customer}&limit=1000", day, CUSTOMER).retrieve().body(JsonNode.class);
        Map<String, BigDecimal> open = new TreeMap<>();
        report.path("terms").forEach(line -> open.merge(line.path("invoiceId").asText(), new BigDecimal(line.path("open").path("amount").asText()),
                BigDecimal::add));
        return open;
    }

    private JsonNode creditDecision(LocalDate day) {
        return service.http().get().uri("/customers/{customer}/credit-decision?amount=1.00&currency=CNY&asOf={day}", CUSTOMER, day)
                .retrieve().body(JsonNode.class);
    }

    private static boolean held(JsonNode decision) {
        for (JsonNode reason : decision.path("reasons")) {
            if (reason.path("code").asText().equals("ORDERS_HELD")) {
                return true;
            }
        }
        return false;
    }
}
