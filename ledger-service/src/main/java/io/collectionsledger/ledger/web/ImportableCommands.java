package io.collectionsledger.ledger.web;

import io.collectionsledger.contracts.collection.AssignCollector;
import io.collectionsledger.contracts.collection.SetCreditLimit;
import io.collectionsledger.contracts.contract.RecordContract;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.delivery.CorrectDelivery;
import io.collectionsledger.contracts.delivery.RecordDelivery;
import io.collectionsledger.contracts.dunning.ConfirmDunningLetterDelivery;
import io.collectionsledger.contracts.dunning.SendDunningLetter;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.ReversePayment;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.IssueCreditNote;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.reconciliation.ConfirmReconciliationStatement;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.InvalidValue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an ERP brings over in bulk, by the command's simple name. */
final class ImportableCommands {

    private static final Map<String, Class<? extends AccountCommand>> BY_NAME = List.<Class<? extends AccountCommand>>of(
                    RegisterCustomer.class, SetCreditLimit.class, AssignCollector.class, RecordContract.class,
                    RecordDelivery.class, CorrectDelivery.class, IssueInvoice.class, IssueCreditNote.class,
                    RecordPayment.class, ReversePayment.class, ConfirmReconciliationStatement.class,
                    RecordPaymentPromise.class, SendDunningLetter.class, ConfirmDunningLetterDelivery.class)
            .stream().collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private ImportableCommands() {
    }

    static Class<? extends AccountCommand> byName(String type) {
        Class<? extends AccountCommand> command = type == null ? null : BY_NAME.get(type);
        if (command == null) {
            throw new InvalidValue("type", "must be one of " + BY_NAME.keySet().stream().sorted().toList());
        }
        return command;
    }
}
