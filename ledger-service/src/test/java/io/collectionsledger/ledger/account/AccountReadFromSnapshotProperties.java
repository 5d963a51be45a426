package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.SetCreditLimit;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.RecordContract;
import io.collectionsledger.contracts.contract.ValidityEvidence;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.shared.AccountCommand;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.eventhandling.DomainEventMessage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.collectionsledger.ledger.account.Accounts.CUSTOMER;
import static io.collectionsledger.ledger.account.HistoryRecorder.LIMIT_SET_ON;
import static io.collectionsledger.ledger.account.HistoryRecorder.cny;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: an account read from a snapshot taken at any point of its history, and the events
 * recorded after it, answers every later command exactly as the account read from all its events:
 * the same events, or the same refusal. The histories are those of
 * {@link HistoryRecordedInAnyOrderProperties}, half of them under a contract with late fees.
 */
class AccountReadFromSnapshotProperties {

    private static final String CONTRACT = "K-1";

    @Property(tries = 100)
    void anAccountReadFromASnapshotAnswersAsTheAccountReadFromAllItsEvents(
            @ForAll("histories") CustomerHistory history, @ForAll long order, @ForAll("closes") int closes, @ForAll boolean lateFees,
            @ForAll @IntRange(max = 10_000) int commandsBefore, @ForAll @IntRange(max = 10_000) int eventsBefore) {
        List<AccountCommand> commands = commands(history, new Random(order), closes, lateFees);
        InMemoryAccounts fromEvents = new InMemoryAccounts();
        List<Object> answers = new ArrayList<>();
        List<Integer> recordedAfter = new ArrayList<>();
        for (AccountCommand command : commands) {
            answers.add(fromEvents.send(command));
            recordedAfter.add(fromEvents.events().size());
        }
        // the snapshot is taken somewhere in the events of the first commands (registered and given a limit at least: Axon
        // takes none of a single event), and the rest of their events are recorded after it
        int answered = 2 + commandsBefore % (commands.size() - 2);
        List<? extends DomainEventMessage<?>> recorded = fromEvents.events().subList(0, recordedAfter.get(answered - 1));
        int snapshotAt = 2 + eventsBefore % (recorded.size() - 1);
        InMemoryAccounts fromSnapshot = InMemoryAccounts.holding(recorded.subList(0, snapshotAt));
        fromSnapshot.snapshot();
        fromSnapshot.append(recorded.subList(snapshotAt, recorded.size()));

        for (int i = answered; i < commands.size(); i++) {
            assertThat(fromSnapshot.send(commands.get(i)))
                    .as("command %d of %s, after a snapshot at event %d of %d", i, commands, snapshotAt, recorded.size())
                    .isEqualTo(answers.get(i));
        }
    }

    private static List<AccountCommand> commands(CustomerHistory history, Random order, int closes, boolean lateFees) {
        List<AccountCommand> commands = new ArrayList<>();
        commands.add(new RegisterCustomer(CUSTOMER, "Hengda Building Materials Co.", "91310000MA1FL0001X", LIMIT_SET_ON, CreditFile.empty()));
        commands.add(new SetCreditLimit(CUSTOMER, LIMIT_SET_ON, cny(history.openingLimit()), "opening limit"));
        if (lateFees) {
            commands.add(new RecordContract(CUSTOMER, CONTRACT, LIMIT_SET_ON, List.of(new ValidityEvidence(ValidityEvidence.Kind.COUNTERPARTY_STAMP, "K-1.pdf", null)),
                    List.of(), new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), true),
                    new DisputeClause(DisputeClause.Forum.LITIGATION, "Shanghai Pudong People's Court"), "K-1.pdf"));
        }
        for (AccountCommand command : HistoryRecorder.shuffled(history, order, closes)) {
            commands.add(lateFees && command instanceof IssueInvoice invoice
                    ? new IssueInvoice(invoice.customerId(), invoice.invoiceId(), CONTRACT, invoice.occurredOn(), invoice.amount(), invoice.terms(),
                    invoice.deliveryIds(), invoice.documentRef())
                    : command);
        }
        return commands;
    }

    @Provide
    Arbitrary<CustomerHistory> histories() {
        return new HistoryRecordedInAnyOrderProperties().histories();
    }

    @Provide
    Arbitrary<Integer> closes() {
        return Arbitraries.integers().between(0, 3);
    }
}
