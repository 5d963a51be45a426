package io.collectionsledger.ledger.policy;

import io.collectionsledger.contracts.policy.ChangeLegalLateFeeCap;
import io.collectionsledger.ledger.command.CommandContext;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Records, once, the legal cap the ledger started with, as in force from the beginning: from then on the
 * fees read the cap from the journal, never from the configuration, and a later change of the setting
 * changes nothing (a change is recorded through {@code POST /admin/legal-late-fee-cap}). The change has a
 * fixed id, so instances starting together record it once: the policy ignores an id it has, and the
 * one that loses the race to create the policy's stream finds it recorded.
 */
public class FirstLegalLateFeeCap {

    static final String CHANGE_ID = "initial";
    private static final Logger log = LoggerFactory.getLogger(FirstLegalLateFeeCap.class);

    private final CommandGateway commands;
    private final RecordedLegalLateFeeCaps caps;
    private final BigDecimal configuredAnnualPercent;

    public FirstLegalLateFeeCap(CommandGateway commands, RecordedLegalLateFeeCaps caps, BigDecimal configuredAnnualPercent) {
        this.commands = commands;
        this.caps = caps;
        this.configuredAnnualPercent = configuredAnnualPercent;
    }

    /** Before the close of day catches up on start, so its fees read the recorded cap. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void recordOnce() {
        if (caps.anyRecorded()) {
            caps.read();
            return;
        }
        try {
            commands.sendAndWait(new GenericCommandMessage<>(new ChangeLegalLateFeeCap(CHANGE_ID, LocalDate.of(1970, 1, 1),
                    configuredAnnualPercent, "the legal cap configured when the ledger first started (ledger.policy.legal-late-fee-cap-annual-percent)"))
                    .andMetaData(Map.of(CommandContext.PRINCIPAL, "ledger:start-up", CommandContext.CLIENT_ID, "ledger",
                            CommandContext.ROLES, "system", CommandContext.COMMAND_ID, "start-up:legal-late-fee-cap:" + CHANGE_ID,
                            CommandContext.CORRELATION_ID, "start-up")));
            log.info("recorded the legal cap on late fees the ledger starts with: {}% a year", configuredAnnualPercent.toPlainString());
        } catch (AggregateStreamCreationException | ConcurrencyException anotherInstanceRecordedIt) {
            log.info("another instance recorded the legal cap on late fees first");
        }
        caps.read();
    }
}
