package io.collectionsledger.ledger.web;

import io.collectionsledger.contracts.collection.AssignCollector;
import io.collectionsledger.contracts.collection.ClassifyReceivable;
import io.collectionsledger.contracts.collection.FlagEarlyWarning;
import io.collectionsledger.contracts.collection.LogContactAttempt;
import io.collectionsledger.contracts.collection.ResumeSupply;
import io.collectionsledger.contracts.collection.SetCreditLimit;
import io.collectionsledger.contracts.collection.SuspendSupply;
import io.collectionsledger.contracts.contract.RecordContract;
import io.collectionsledger.contracts.customer.RecordCorrespondenceAddress;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.delivery.CorrectDelivery;
import io.collectionsledger.contracts.delivery.RecordDelivery;
import io.collectionsledger.contracts.dispute.RaiseDispute;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.dunning.ConfirmDunningLetterDelivery;
import io.collectionsledger.contracts.dunning.SendDunningLetter;
import io.collectionsledger.contracts.litigation.FileLawsuit;
import io.collectionsledger.contracts.litigation.RecordLegalStep;
import io.collectionsledger.contracts.payment.ApplyUnappliedCredit;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.RefundUnappliedCredit;
import io.collectionsledger.contracts.payment.ReversePayment;
import io.collectionsledger.contracts.promise.AgreePaymentPlan;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.IssueCreditNote;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.reconciliation.ConfirmReconciliationStatement;
import io.collectionsledger.contracts.security.RecordAssetLead;
import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.writeoff.RecordRecoveryAfterWriteOff;
import io.collectionsledger.contracts.writeoff.WriteOffReceivable;
import io.collectionsledger.ledger.http.Role;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.collectionsledger.ledger.http.Role.collector;
import static io.collectionsledger.ledger.http.Role.service;

/**
 * Every command the API takes, one line each. The endpoints ({@link CommandMappings}), who may send
 * what ({@code SecurityConfiguration}), the types a bulk import takes ({@link ImportController}) and
 * the API's description ({@link OpenApiConfiguration}) are all read from here, so adding a command
 * is its record in contracts-api, its line here, its handler in the account, and its tests.
 */
public final class CommandRoutes {

    private static final Set<Role> SERVICES = Set.of(service);
    /** Commands about collecting an overdue debt: collectors may send them as well as services. */
    private static final Set<Role> COLLECTIONS = Set.of(service, collector);
    private static final boolean IMPORTABLE = true;
    private static final boolean NOT_IMPORTABLE = false;

    public static final List<CommandRoute> ALL = List.of(
            new CommandRoute("/customers", RegisterCustomer.class, SERVICES, IMPORTABLE,
                    "Customer", "Register a customer with its credit file"),
            new CommandRoute("/customers/{customerId}/contracts", RecordContract.class, SERVICES, IMPORTABLE,
                    "Customer", "Record a contract: validity evidence, payment terms, late fees, dispute clause"),
            new CommandRoute("/customers/{customerId}/reconciliation-statements", ConfirmReconciliationStatement.class, SERVICES, IMPORTABLE,
                    "Customer", "Record a reconciliation statement the customer stamped"),

            new CommandRoute("/customers/{customerId}/deliveries", RecordDelivery.class, SERVICES, IMPORTABLE,
                    "Delivery", "Record a delivery or performed service with its signed receipt, or the lack of one"),
            new CommandRoute("/customers/{customerId}/deliveries/{deliveryId}/corrections", CorrectDelivery.class, SERVICES, IMPORTABLE,
                    "Delivery", "Correct a delivery; the original stays beside the correction"),

            new CommandRoute("/customers/{customerId}/invoices", IssueInvoice.class, SERVICES, IMPORTABLE,
                    "Invoice", "Issue an invoice with its terms (or the contract's staged terms)"),
            new CommandRoute("/customers/{customerId}/invoices/{invoiceId}/credit-notes", IssueCreditNote.class, SERVICES, IMPORTABLE,
                    "Invoice", "Issue a credit note against an invoice"),

            new CommandRoute("/customers/{customerId}/payments", RecordPayment.class, SERVICES, IMPORTABLE,
                    "Payment", "Record a payment; allocated as the payer says, else due-first by the legal order"),
            new CommandRoute("/customers/{customerId}/payments/{paymentId}/reversal", ReversePayment.class, SERVICES, IMPORTABLE,
                    "Payment", "Reverse a payment (a bounced cheque): what it paid is open again"),
            new CommandRoute("/customers/{customerId}/unapplied-credit/applications", ApplyUnappliedCredit.class, SERVICES, NOT_IMPORTABLE,
                    "Payment", "Apply unapplied credit to open terms"),
            new CommandRoute("/customers/{customerId}/unapplied-credit/refunds", RefundUnappliedCredit.class, SERVICES, NOT_IMPORTABLE,
                    "Payment", "Refund unapplied credit to the customer"),

            new CommandRoute("/customers/{customerId}/collector-assignments", AssignCollector.class, COLLECTIONS, IMPORTABLE,
                    "Collection", "Assign the customer to a collector and a reminder tier (A/B/C)"),
            new CommandRoute("/customers/{customerId}/credit-limits", SetCreditLimit.class, COLLECTIONS, IMPORTABLE,
                    "Collection", "Set or change the credit limit"),
            new CommandRoute("/customers/{customerId}/invoices/{invoiceId}/classifications", ClassifyReceivable.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Collection", "Classify a receivable: current, overdue, doubtful, bad, dormant"),
            new CommandRoute("/customers/{customerId}/contact-attempts", LogContactAttempt.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Collection", "Log a contact attempt with its channel, outcome and excuse"),
            new CommandRoute("/customers/{customerId}/early-warnings", FlagEarlyWarning.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Collection", "Flag an early-warning signal"),
            new CommandRoute("/customers/{customerId}/responsible-person-changes", RecordResponsiblePersonChange.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Collection", "Record that a new legal representative or person responsible for paying answers for the customer"),
            new CommandRoute("/customers/{customerId}/correspondence-address", RecordCorrespondenceAddress.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Collection", "Record where letters to the customer go and who attends to them, from a date on"),
            new CommandRoute("/customers/{customerId}/supply-suspensions", SuspendSupply.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Collection", "Suspend supply to the customer"),
            new CommandRoute("/customers/{customerId}/supply-resumptions", ResumeSupply.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Collection", "Resume supply to the customer"),

            new CommandRoute("/customers/{customerId}/payment-promises", RecordPaymentPromise.class, COLLECTIONS, IMPORTABLE,
                    "Promise", "Record a promise to pay; never more than is open"),
            new CommandRoute("/customers/{customerId}/payment-plans", AgreePaymentPlan.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Promise", "Agree a payment plan whose installments replace the covered invoices' due dates"),

            new CommandRoute("/customers/{customerId}/disputes", RaiseDispute.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Dispute", "Raise a dispute over part of an invoice"),
            new CommandRoute("/customers/{customerId}/disputes/{disputeId}/resolution", ResolveDispute.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Dispute", "Resolve a dispute"),

            new CommandRoute("/customers/{customerId}/dunning-letters", SendDunningLetter.class, COLLECTIONS, IMPORTABLE,
                    "Dunning", "Send a dunning letter; never for a disputed amount"),
            new CommandRoute("/customers/{customerId}/dunning-letters/{letterId}/delivery", ConfirmDunningLetterDelivery.class, COLLECTIONS, IMPORTABLE,
                    "Dunning", "Confirm a dunning letter's delivery with the courier's proof"),

            new CommandRoute("/customers/{customerId}/guarantees", RecordGuarantee.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Guarantee", "Record a guarantee or collateral"),
            new CommandRoute("/customers/{customerId}/asset-leads", RecordAssetLead.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Guarantee", "Record an asset lead"),

            new CommandRoute("/customers/{customerId}/legal-cases", FileLawsuit.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Litigation", "File a lawsuit or arbitration; only over something overdue"),
            new CommandRoute("/customers/{customerId}/legal-cases/{caseId}/steps", RecordLegalStep.class, COLLECTIONS, NOT_IMPORTABLE,
                    "Litigation", "Record a step of a legal case"),

            new CommandRoute("/customers/{customerId}/invoices/{invoiceId}/write-offs", WriteOffReceivable.class, COLLECTIONS, NOT_IMPORTABLE,
                    "WriteOff", "Write a receivable off; never more than is open"),
            new CommandRoute("/customers/{customerId}/invoices/{invoiceId}/recoveries", RecordRecoveryAfterWriteOff.class, COLLECTIONS, NOT_IMPORTABLE,
                    "WriteOff", "Record money recovered after a write-off"));

    /** What an ERP brings over in bulk, by the command's simple name. */
    private static final Map<String, CommandRoute> IMPORTABLE_BY_NAME = ALL.stream()
            .filter(CommandRoute::importable)
            .collect(Collectors.toMap(route -> route.command().getSimpleName(), route -> route));

    private CommandRoutes() {
    }

    static CommandRoute importable(String type) {
        CommandRoute route = type == null ? null : IMPORTABLE_BY_NAME.get(type);
        if (route == null) {
            throw new InvalidValue("type", "must be one of " + IMPORTABLE_BY_NAME.keySet().stream().sorted().toList());
        }
        return route;
    }
}
