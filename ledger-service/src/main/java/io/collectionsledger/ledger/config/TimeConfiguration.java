package io.collectionsledger.ledger.config;

import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.ledger.account.CollectionPolicy;
import io.collectionsledger.ledger.policy.FirstLegalLateFeeCap;
import io.collectionsledger.ledger.policy.RecordedLegalLateFeeCaps;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * One clock for everything that reads time: the rules, the recorded-at timestamp Axon puts on
 * every event, deadlines and the idempotency window. Tests replace it to move time.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessCalendar businessCalendar(Clock clock, LedgerProperties properties) {
        // Axon reads its timestamps from these static clocks; point them at ours.
        GenericEventMessage.clock = clock;
        GenericDeadlineMessage.clock = clock;
        return new BusinessCalendar(clock, properties.businessZone());
    }

    /** The legal cap on late fees as recorded in the journal; the configured rate is only the one recorded first. */
    @Bean
    RecordedLegalLateFeeCaps recordedLegalLateFeeCaps(EventStore eventStore, LedgerProperties properties) {
        return new RecordedLegalLateFeeCaps(eventStore, properties.policy().legalLateFeeCapAnnualPercent());
    }

    @Bean
    FirstLegalLateFeeCap firstLegalLateFeeCap(CommandGateway commands, RecordedLegalLateFeeCaps caps, LedgerProperties properties) {
        return new FirstLegalLateFeeCap(commands, caps, properties.policy().legalLateFeeCapAnnualPercent());
    }

    @Bean
    CollectionPolicy collectionPolicy(LedgerProperties properties, RecordedLegalLateFeeCaps legalLateFeeCaps) {
        LedgerProperties.Policy policy = properties.policy();
        return new CollectionPolicy(policy.promiseGraceDays(), policy.legalLateFeeCapAnnualPercent(),
                policy.earlyPaymentsForRaise(), policy.creditLimitRaisePercent(), policy.orderHoldDaysPastDue(), legalLateFeeCaps);
    }
}
