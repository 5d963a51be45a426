package io.collectionsledger.ledger.time;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The close of day sends the command only to the accounts due, as the agenda the dispatcher keeps
 * beside their events says, and answers the position of the last event it wrote.
 */
class CloseOfDayAgendaIT extends LedgerIT {

    @Test
    void onlyAnAccountWithSomethingDueIsClosedAndTheAnswerNamesTheLastEventTheCloseWrote() {
        String overdue = customer;
        ok(register());
        LocalDate today = today();
        ok(command("/customers/{c}/invoices", invoice(today.minusDays(10))));
        customer = overdue + "-q";
        String quiet = customer;
        ok(register());
        ok(command("/customers/{c}/invoices", invoice(today.plusDays(30))));
        assertThat(nextDay(quiet)).isEqualTo(today.plusDays(31));   // the first day past due: the first stage
        long before = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();

        ResponseEntity<JsonNode> closed = command("/admin/close-of-day", "{}");

        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closesSent(overdue)).isEqualTo(1);
        assertThat(closesSent(quiet)).isZero();
        long position = Long.parseLong(closed.getHeaders().getFirst(Headers.POSITION));
        assertThat(position).isEqualTo(jdbc.sql("""
                        select max(global_index) from domain_event_entry
                        where global_index > ? and convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' like 'close-of-day:%'""")
                .param(before).query(Long.class).single());
        // what the close recorded for the overdue account: the first stage, the day after the due date
        assertThat(jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = ? and global_index > ? and global_index <= ?""")
                .params(overdue, before, position).query(Long.class).single()).isEqualTo(1);
        assertThat(nextDay(overdue)).isEqualTo(today.plusDays(6));   // 16 days past due: orders held
        assertThat(closed.getBody().get("position").asLong()).isEqualTo(position);
    }

    private long closesSent(String account) {
        return jdbc.sql("select count(*) from command_log where customer_id = ? and command_type = 'CloseBusinessDay'")
                .param(account).query(Long.class).single();
    }

    private LocalDate nextDay(String account) {
        return jdbc.sql("select next_day from account_agenda where account = ?").param(account).query(LocalDate.class).single();
    }

    private static String invoice(LocalDate dueDate) {
        return """
                {"invoiceId": "INV-1", "occurredOn": "%s", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "%s"}]}""".formatted(dueDate.minusDays(40), dueDate);
    }

    private static void ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    }
}
