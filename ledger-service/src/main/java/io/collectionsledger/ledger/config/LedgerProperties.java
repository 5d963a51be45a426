package io.collectionsledger.ledger.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The ledger's own settings (environment: LEDGER_BUSINESS_ZONE, LEDGER_IDEMPOTENCY_RETENTION,
 * LEDGER_READ_MODEL_WAIT).
 *
 * @param businessZone          the time zone whose calendar days are the business dates
 * @param idempotencyRetention  how long a command id is remembered; a retry within it is answered, not repeated
 * @param readModelWait         how long a query waits for a read model to reach a position it was asked to
 * @param cachedAccountEvents   how many events' worth of customer accounts are kept in memory between commands
 *                              (LEDGER_CACHED_ACCOUNT_EVENTS; an account's state takes about a kilobyte per event)
 * @param databaseTimeout       how long a request waits for the database before it is answered 503
 *                              {@code database-unavailable} (LEDGER_DATABASE_TIMEOUT): for a connection, for an answer
 *                              on one, and for a statement to run; see {@link DatabaseConfiguration}
 * @param policy                the collection rules' settings (LEDGER_POLICY_PROMISE_GRACE_DAYS ...)
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @DefaultValue("Asia/Shanghai") ZoneId businessZone,
        @DefaultValue("P7D") Duration idempotencyRetention,
        @DefaultValue("PT10S") Duration readModelWait,
        @DefaultValue("100000") long cachedAccountEvents,
        @DefaultValue("PT5S") Duration databaseTimeout,
        @DefaultValue Policy policy) {

    /** Defaults of domain.md §3; see {@link io.collectionsledger.ledger.account.CollectionPolicy}. */
    public record Policy(
            @DefaultValue("0") int promiseGraceDays,
            @DefaultValue("15.4") BigDecimal legalLateFeeCapAnnualPercent,
            @DefaultValue("3") int earlyPaymentsForRaise,
            @DefaultValue("15") BigDecimal creditLimitRaisePercent,
            @DefaultValue("15") int orderHoldDaysPastDue) {
    }
}
