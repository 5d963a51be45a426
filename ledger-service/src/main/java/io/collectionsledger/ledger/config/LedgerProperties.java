package io.collectionsledger.ledger.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The ledger's own settings (environment: LEDGER_BUSINESS_ZONE, LEDGER_IDEMPOTENCY_RETENTION,
 * LEDGER_READ_MODEL_WAIT).
 *
 * @param businessZone          the time zone whose calendar days are the business dates
 * @param idempotencyRetention  how long a command id is remembered; a retry within it is answered, not repeated
 * @param readModelWait         how long a query waits for a read model to reach a position it was asked to
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @DefaultValue("Asia/Shanghai") ZoneId businessZone,
        @DefaultValue("P7D") Duration idempotencyRetention,
        @DefaultValue("PT10S") Duration readModelWait) {
}
