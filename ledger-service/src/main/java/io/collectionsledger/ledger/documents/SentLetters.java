package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.dunning.SendDunningLetter;
import io.collectionsledger.contracts.party.RecordLedgerParty;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.ledger.journal.Journal;
import io.collectionsledger.ledger.query.ReadModelPositions;
import io.collectionsledger.projections.aging.AgingProjection;
import io.collectionsledger.projections.dossier.CustomerDossierProjection;
import io.collectionsledger.projections.statement.CustomerStatementProjection;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A dunning letter the ledger made is sent only as its draft: before the account records the
 * sending, the letter is rendered again from the draft's inputs (its id, date, knownAt, language,
 * deadline and currency), once the read models have seen every fact of the customer and of the
 * ledger's own party recorded by knownAt. It must name both parties in full, be rendered by the
 * template version the draft names, give the draft's bytes, and demand what the draft states. Its
 * bytes are then kept in the command's own transaction: a refusal by the account rolls them back
 * with the event, so a letter on record always has its document and no document outlives a
 * refused letter. A letter made elsewhere (no draft) passes untouched.
 */
@Component
class SentLetters implements MessageHandlerInterceptor<CommandMessage<?>>, SmartInitializingSingleton {

    private final CollectionDocuments documents;
    private final KeptDocuments kept;
    private final Journal journal;
    private final ReadModelPositions positions;
    private final CommandBus commandBus;

    SentLetters(CollectionDocuments documents, KeptDocuments kept, Journal journal, ReadModelPositions positions, CommandBus commandBus) {
        this.documents = documents;
        this.kept = kept;
        this.journal = journal;
        this.positions = positions;
        this.commandBus = commandBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof SendDunningLetter letter && letter.draft() != null) {
            try {
                checkAndKeep(letter);
            } catch (UnknownCustomer unknown) {
                return chain.proceed(); // the account refuses it as it refuses any command on a customer not registered
            }
        }
        return chain.proceed();
    }

    private void checkAndKeep(SendDunningLetter command) {
        SendDunningLetter.Draft draft = command.draft();
        DocumentLanguage language = DocumentLanguage.exactly(draft.language())
                .orElseThrow(() -> new InvalidValue("draft.language", "must be one of " + DocumentLanguage.tags()));
        awaitFactsKnownAt(command);
        CollectionDocuments.DraftedLetter again;
        try {
            again = documents.dunningLetterDrafted(command.customerId(), command.letterId(), draft.asOf(), draft.knownAt(), command.deadline(),
                    command.amountDemanded().currency(), language);
        } catch (NothingToDemand nothing) {
            // the draft demanded something: as known at the same time, the facts now say otherwise
            throw DocumentRefused.documentChanged(draft.sha256(), "nothing: " + nothing.getMessage());
        }
        RenderedDocument document = again.document();
        if (!document.missing().isEmpty()) {
            throw DocumentRefused.incomplete(document.missing());
        }
        if (!document.templateVersion().equals(draft.templateVersion())) {
            throw DocumentRefused.templateChanged(draft.templateVersion(), document.templateVersion());
        }
        if (!document.sha256().equals(draft.sha256())) {
            throw DocumentRefused.documentChanged(draft.sha256(), document.sha256());
        }
        requireAsDrafted(command, again.letter());
        kept.keep(command.customerId(), command.letterId(), draft.asOf(), draft.knownAt(), language, document);
    }

    /** The statement, aging and dossier read models as far as the facts recorded by knownAt, the customer's and the sender's. */
    private void awaitFactsKnownAt(SendDunningLetter command) {
        long customer = journal.lastPositionRecordedBy(command.customerId(), command.draft().knownAt());
        long sender = journal.lastPositionRecordedBy(RecordLedgerParty.LEDGER, command.draft().knownAt());
        for (String group : List.of(CustomerStatementProjection.PROCESSING_GROUP, AgingProjection.PROCESSING_GROUP,
                CustomerDossierProjection.PROCESSING_GROUP)) {
            positions.awaitProcessed(group, command.customerId(), customer, null);
        }
        positions.awaitProcessed(CustomerDossierProjection.PROCESSING_GROUP, RecordLedgerParty.LEDGER, sender, null);
    }

    /** The event records what the letter demands: the command must say what the draft states. */
    private static void requireAsDrafted(SendDunningLetter command, DunningLetterDraft letter) {
        Set<String> invoices = new LinkedHashSet<>();
        letter.debts().forEach(debt -> invoices.add(debt.invoiceId()));
        if (!command.amountDemanded().equals(letter.total())) {
            throw DocumentRefused.differsFromDraft("amountDemanded is " + command.amountDemanded() + "; the draft demands " + letter.total());
        }
        if (!command.lateFeesDemanded().equals(letter.lateFees())) {
            throw DocumentRefused.differsFromDraft("lateFeesDemanded is " + command.lateFeesDemanded() + "; the draft states "
                    + letter.lateFees());
        }
        if (!new LinkedHashSet<>(command.invoiceIds()).equals(invoices)) {
            throw DocumentRefused.differsFromDraft("invoiceIds are " + command.invoiceIds() + "; the draft demands payment of " + invoices);
        }
        if (command.level() != letter.level()) {
            throw DocumentRefused.differsFromDraft("level is " + command.level() + "; the draft is a letter of level " + letter.level());
        }
    }
}
