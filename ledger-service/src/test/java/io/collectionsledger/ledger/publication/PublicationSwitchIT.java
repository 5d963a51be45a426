package io.collectionsledger.ledger.publication;

import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** LEDGER_EVENTS_PUBLISH=false: no publisher, no digests, no broker; commands are taken all the same. */
class PublicationSwitchIT {

    @Test
    void switchedOffTheLedgerPublishesNothingAndTakesCommands() {
        try (RunningService service = RunningService.start(FreshDatabase.another(), new MovableClock(LedgerIT.START),
                "--ledger.events.publish=false")) {
            service.send("/customers", """
                    {"customerId": "C-%s", "name": "Hengda", "occurredOn": "2026-01-05"}""".formatted(UUID.randomUUID()));

            assertThat(service.bean(EventProcessingConfiguration.class).eventProcessor(EventPublisher.PROCESSING_GROUP)).isEmpty();
            assertThat(service.jdbc().sql("select count(*) from token_entry where processor_name = ?")
                    .param(EventPublisher.PROCESSING_GROUP).query(Long.class).single()).isZero();
            // the customer's event, and the legal cap on late fees the service recorded at its first start
            assertThat(service.management().get().uri("/actuator/metrics/ledger.publication.lag").retrieve().body(String.class))
                    .contains("\"value\":2.0");
        }
    }
}
