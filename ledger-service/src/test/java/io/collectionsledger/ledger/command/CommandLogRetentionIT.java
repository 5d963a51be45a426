package io.collectionsledger.ledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Command ids are remembered for the documented retention window (ledger.idempotency-retention, 7 days). */
class CommandLogRetentionIT extends LedgerIT {

    @Autowired
    CommandLog commandLog;

    @Test
    void aRetryWithinTheWindowIsAnsweredAndAfterItTheIdIsForgotten() {
        String command = """
                {"customerId": "%s", "name": "Hengda", "occurredOn": "2026-01-05"}""".formatted(customer);
        command("/customers", command, "reg-" + customer, h -> { });

        clock.advance(Duration.ofDays(6));
        commandLog.forgetExpired();
        ResponseEntity<JsonNode> withinWindow = command("/customers", command, "reg-" + customer, h -> { });
        assertThat(withinWindow.getHeaders().getFirst(Headers.IDEMPOTENT_REPLAYED)).isEqualTo("true");

        clock.advance(Duration.ofDays(2));
        commandLog.forgetExpired();
        assertThat(jdbc.sql("select count(*) from command_log where command_id = ?").param("reg-" + customer)
                .query(Long.class).single()).isZero();
    }
}
