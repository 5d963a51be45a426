package io.collectionsledger.projections.evidence;

import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.SupplyResumed;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.contract.ValidityEvidence;
import io.collectionsledger.contracts.delivery.DeliveryCorrected;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.evidence.EvidenceChecklist;
import io.collectionsledger.contracts.evidence.EvidenceChecklistQuery;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import io.collectionsledger.contracts.security.AssetLeadRecorded;
import io.collectionsledger.contracts.security.GuaranteeRecorded;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.projections.evidence.EvidenceFact.Kind;
import io.collectionsledger.projections.shared.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The evidence checklist's facts: what proves the contract, our performance, the debt's
 * acknowledgement, the demands, the security and the suit, each kept with the event that recorded
 * it, its business date and its recording time; and what is open on each term, so the checklist
 * knows which receivables are still owed and since when, and what the late fees accrued since the
 * last recorded day rest on (the principal's movements, the fees recorded, the contracts' late-fee
 * terms, the write-offs, the legal cap's schedule). Nothing is overwritten (a delivery correction is
 * a later row), so the checklist as of any date, as known at any time, is computed from the rows
 * that qualify ({@link CaseFile}).
 */
@Component
@ProcessingGroup(EvidenceChecklistProjection.PROCESSING_GROUP)
public class EvidenceChecklistProjection {

    public static final String PROCESSING_GROUP = "evidence-checklist";

    private final JdbcClient jdbc;
    private final BatchedWrites.Statement facts;
    private final BatchedWrites.Statement movements;
    private final BatchedWrites.Statement lateFeeTerms;
    private final BatchedWrites.Statement writeOffs;
    private final BatchedWrites.Statement legalCaps;

    /** Every table only grows, and no handler reads what another wrote: every row can wait for the batch's end. */
    public EvidenceChecklistProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        BatchedWrites writes = new BatchedWrites(jdbcTemplate);
        this.facts = writes.statement("""
                insert into evidence_fact (customer_id, event_id, sequence_number, occurred_on, recorded_at, kind, subject_id, refs,
                                           contract_id, currency, amount, named_date, proves, document_ref, description)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.movements = writes.statement("""
                insert into evidence_term_movement (customer_id, invoice_id, term_id, currency, due_date, amount, occurred_on, recorded_at, event_id,
                                                    component, fees_recorded, accrued_through)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.lateFeeTerms = writes.statement("""
                insert into evidence_late_fee_terms (customer_id, contract_id, daily_rate_percent, cap_percent_of_principal) values (?, ?, ?, ?)""");
        this.writeOffs = writes.statement("""
                insert into evidence_write_off (customer_id, invoice_id, occurred_on, recorded_at) values (?, ?, ?, ?)""");
        this.legalCaps = writes.statement("""
                insert into evidence_legal_cap (sequence_number, effective_from, annual_percent, recorded_at) values (?, ?, ?, ?)""");
    }

    /** Where and when the event was recorded. */
    record Recorded(String eventId, long sequenceNumber, Instant at) {
    }

    @EventHandler
    void on(ContractRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        Recorded recorded = new Recorded(eventId, sequence, at);
        String contract = "contract " + event.contractId();
        if (event.validity().isEmpty()) {
            save(event.customerId(), event.occurredOn(), recorded, EvidenceFact.of(Kind.CONTRACT_VALIDITY, event.contractId(),
                    contract + " was recorded without evidence that it binds the customer").proving(false).document(event.documentRef()));
        }
        for (ValidityEvidence validity : event.validity()) {
            save(event.customerId(), event.occurredOn(), recorded, EvidenceFact.of(Kind.CONTRACT_VALIDITY, event.contractId(),
                    contract + ": " + validity.kind() + (validity.note() == null ? "" : " (" + validity.note() + ")"))
                    .document(validity.documentRef()));
        }
        save(event.customerId(), event.occurredOn(), recorded, EvidenceFact.of(Kind.CONTRACT_PAYMENT_TERMS, event.contractId(),
                        event.paymentTerms().isEmpty() ? contract + " states no payment terms"
                                : contract + ": " + event.paymentTerms().stream().map(EvidenceChecklistProjection::describe).collect(Collectors.joining(", ")))
                .proving(!event.paymentTerms().isEmpty()).document(event.documentRef()));
        save(event.customerId(), event.occurredOn(), recorded, EvidenceFact.of(Kind.CONTRACT_LATE_FEES, event.contractId(),
                        event.lateFees() == null ? contract + " states no liability for paying late"
                                : contract + ": late fee of " + event.lateFees().dailyRatePercent().toPlainString() + "% a day, capped at "
                                + event.lateFees().capPercentOfPrincipal().toPlainString() + "% of the principal"
                                + (event.lateFees().debtorBearsCollectionCosts() ? "; the debtor bears the costs of collection" : ""))
                .proving(event.lateFees() != null).document(event.documentRef()));
        save(event.customerId(), event.occurredOn(), recorded, EvidenceFact.of(Kind.CONTRACT_DISPUTE_CLAUSE, event.contractId(),
                        event.disputeClause() == null ? contract + " has no dispute clause"
                                : contract + ": disputes go to " + event.disputeClause().forum() + " at " + event.disputeClause().body())
                .proving(event.disputeClause() != null).document(event.documentRef()));
        if (event.lateFees() != null) {
            lateFeeTerms.add(event.customerId(), event.contractId(), event.lateFees().dailyRatePercent(), event.lateFees().capPercentOfPrincipal());
        }
    }

    /** The legal cap from its effective date: fees of the days before it keep the rate they accrued under. */
    @EventHandler
    void on(LegalLateFeeCapChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        legalCaps.add(sequence, event.effectiveFrom(), event.annualPercent(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(DeliveryRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at), delivery(event.deliveryId(), event.details(), ""));
    }

    /** The corrected details stand from the correction on; the original row stays for what was known before. */
    @EventHandler
    void on(DeliveryCorrected event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                delivery(event.deliveryId(), event.corrected(), " (corrected: " + event.reason() + ")"));
    }

    @EventHandler
    void on(InvoiceIssued event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.INVOICE, event.invoiceId(), "invoice " + event.invoiceId() + " for " + event.amount())
                        .concerning(event.deliveryIds()).underContract(event.contractId()).amounting(event.amount()).document(event.documentRef()));
        for (InvoiceTerm term : event.terms()) {
            move(event.customerId(), event.invoiceId(), term.termId(), term.dueDate(), term.amount(), event.occurredOn(), at, eventId, null);
        }
    }

    @EventHandler
    void on(CreditNoteIssued event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        reduce(event.customerId(), event.reductions(), event.occurredOn(), at, eventId);
    }

    /** A payment reduces what is open and, as a part payment, acknowledges the debts it went to. */
    @EventHandler
    void on(PaymentRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        reduce(event.customerId(), event.allocations(), event.occurredOn(), at, eventId);
        List<String> invoices = event.allocations().stream().map(Allocation::invoiceId).distinct().toList();
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.PAYMENT, event.paymentId(), "payment " + event.paymentId() + " of " + event.amount()
                                + (invoices.isEmpty() ? "" : " towards " + String.join(", ", invoices)))
                        .concerning(invoices).amounting(event.amount()).document(event.reference()));
    }

    @EventHandler
    void on(PaymentReversed event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        for (Allocation reopened : event.reopened()) {
            move(event.customerId(), reopened.invoiceId(), reopened.termId(), null, reopened.amount(), event.occurredOn(), at, eventId,
                    reopened.component().name());
        }
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.PAYMENT_REVERSED, event.paymentId(), "payment " + event.paymentId() + " reversed: " + event.reason()));
    }

    @EventHandler
    void on(UnappliedCreditApplied event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        reduce(event.customerId(), event.allocations(), event.occurredOn(), at, eventId);
    }

    @EventHandler
    void on(LateFeesAccrued event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        for (LateFeeAccrual accrual : event.accruals()) {
            movements.add(event.customerId(), accrual.invoiceId(), accrual.termId(), accrual.amount().currency(), null, accrual.amount().amount(),
                    event.occurredOn(), java.sql.Timestamp.from(at), eventId, null, accrual.amount().amount(), accrual.accruedThrough());
        }
    }

    /**
     * Fees taken back leave what is open on the term, and so the amount a claim would state, all but what
     * had paid them (that became unapplied credit); all of them leave the fees recorded, which the caps bound.
     */
    @EventHandler
    void on(LateFeesCorrected event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        for (LateFeeCorrection correction : event.corrections()) {
            Money open = correction.openTakenBack().negate();
            movements.add(event.customerId(), correction.invoiceId(), correction.termId(), open.currency(), null, open.amount(),
                    event.occurredOn(), java.sql.Timestamp.from(at), eventId, null, correction.takenBack().amount().negate(), null);
        }
    }

    /** What the plan covers moves onto its installments; the signed plan is a commitment and acknowledges the debts it covers. */
    @EventHandler
    void on(PaymentPlanAgreed event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        reduce(event.customerId(), event.rescheduled(), event.occurredOn(), at, eventId);
        Money total = null;
        for (Installment installment : event.installments()) {
            Money due = installment.principal().plus(installment.interest());
            total = total == null ? due : total.plus(due);
            move(event.customerId(), event.planId(), installment.installmentId(), installment.dueDate(), due, event.occurredOn(), at, eventId, null);
        }
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.PLAN, event.planId(), "payment plan " + event.planId() + " over " + String.join(", ", event.invoiceIds())
                                + ": " + event.installments().size() + " installments, " + total + " in all")
                        .concerning(event.invoiceIds()).amounting(total).document(event.documentRef()));
    }

    /** What is written off leaves what is open; from then on no fee accrues on the invoice. */
    @EventHandler
    void on(ReceivableWrittenOff event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        reduce(event.customerId(), event.writtenOff(), event.occurredOn(), at, eventId);
        writeOffs.add(event.customerId(), event.invoiceId(), event.occurredOn(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(DisputeRaised event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.DISPUTE_RAISED, event.disputeId(), "dispute " + event.disputeId() + " over " + event.amount()
                                + " of " + event.invoiceId() + " (" + event.reason() + ")" + (event.description() == null ? "" : ": " + event.description()))
                        .concerning(List.of(event.invoiceId())).amounting(event.amount()));
    }

    @EventHandler
    void on(DisputeResolved event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.DISPUTE_RESOLVED, event.disputeId(), "dispute " + event.disputeId() + " over " + event.amount()
                                + " of " + event.invoiceId() + " resolved, " + event.resolution() + ": " + event.description())
                        .concerning(List.of(event.invoiceId())).amounting(event.amount()));
    }

    @EventHandler
    void on(ContactAttemptLogged event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.CONTACT, event.contactId(), event.channel() + (event.collector() == null ? "" : " by " + event.collector())
                                + (event.partyReached() == null ? "" : ", reached " + event.partyReached()) + ": " + event.outcome())
                        .proving(event.recordingRef() != null).document(event.recordingRef()));
    }

    @EventHandler
    void on(ReconciliationStatementConfirmed event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        String ledger = event.ledgerBalance().equals(event.confirmedBalance()) ? "" : " (the ledger showed " + event.ledgerBalance() + ")";
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.RECONCILIATION, event.statementId(), "statement " + event.statementId() + ": a balance of "
                                + event.confirmedBalance() + " as of " + event.balanceAsOf() + " confirmed by " + event.confirmedBy() + ledger)
                        .amounting(event.confirmedBalance()).naming(event.balanceAsOf()).document(event.documentRef()));
    }

    @EventHandler
    void on(PaymentPromiseRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        boolean written = event.form() == RecordPaymentPromise.Form.WRITTEN;
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.PROMISE, event.promiseId(), (written ? "written" : "spoken") + " promise " + event.promiseId()
                                + " to pay " + event.amount() + " by " + event.promisedDate()
                                + (event.invoiceIds().isEmpty() ? "" : " towards " + String.join(", ", event.invoiceIds())))
                        .concerning(event.invoiceIds()).amounting(event.amount()).naming(event.promisedDate())
                        .proving(written).document(event.documentRef()));
    }

    @EventHandler
    void on(AssetLeadRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.ASSET_LEAD, event.leadId(), event.kind() + ": " + event.description()).document(event.source()));
    }

    @EventHandler
    void on(SupplySuspended event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.SUPPLY_SUSPENDED, event.customerId(), "supply suspended" + reason(event.reason())));
    }

    @EventHandler
    void on(SupplyResumed event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.SUPPLY_RESUMED, event.customerId(), "supply resumed on " + event.occurredOn() + reason(event.reason())));
    }

    @EventHandler
    void on(DunningLetterSent event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.LETTER_SENT, event.letterId(), "level " + event.level() + " dunning letter " + event.letterId()
                                + " demanding " + event.amountDemanded() + " by " + event.deadline() + (event.rightsReserved() ? ", all rights reserved," : "")
                                + " sent by " + event.courier() + ", waybill " + event.waybill())
                        .concerning(event.invoiceIds()).amounting(event.amountDemanded()).naming(event.deadline()).document(event.documentRef()));
    }

    @EventHandler
    void on(DunningLetterDelivered event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.LETTER_DELIVERED, event.letterId(), "dunning letter " + event.letterId() + " delivered"
                        + (event.receivedBy() == null ? "" : ", received by " + event.receivedBy())).document(event.proofRef()));
    }

    @EventHandler
    void on(GuaranteeRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.GUARANTEE, event.guaranteeId(), event.kind() + " by " + event.guarantor()
                                + (event.amountCovered() == null ? "" : " covering " + event.amountCovered())
                                + (event.registrationRef() == null ? "" : ", registered as " + event.registrationRef()))
                        .amounting(event.amountCovered()).document(event.documentRef()));
    }

    @EventHandler
    void on(LawsuitFiled event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.customerId(), event.occurredOn(), new Recorded(eventId, sequence, at),
                EvidenceFact.of(Kind.LAWSUIT, event.caseId(), event.forum() + " case " + event.caseId() + " at " + event.body()
                                + " claiming " + event.claimAmount() + (event.preservationRequested() ? ", with property preservation" : ""))
                        .concerning(event.invoiceIds()).amounting(event.claimAmount()).document(event.documentRef()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate evidence_fact, evidence_term_movement, evidence_late_fee_terms, evidence_write_off, evidence_legal_cap").update();
    }

    /** The checklist; absent when the query names an invoice the customer had not been issued by then. */
    @QueryHandler
    public EvidenceChecklist handle(EvidenceChecklistQuery query) {
        CaseFile file = CaseFile.load(jdbc, query.customerId(), query.asOf(), query.knownAt());
        return query.invoiceId() == null ? file.customerChecklist() : file.receivableChecklist(query.invoiceId()).orElse(null);
    }

    private static EvidenceFact delivery(String deliveryId, DeliveryDetails details, String correction) {
        String what = "delivery " + deliveryId + " (" + details.description() + ")";
        if (details.receiptSigned()) {
            return EvidenceFact.of(Kind.DELIVERY, deliveryId, what + " signed for by " + details.signedReceipt().signedBy()
                    + " on " + details.signedReceipt().signedOn() + correction).document(details.signedReceipt().documentRef());
        }
        return EvidenceFact.of(Kind.DELIVERY, deliveryId, what + " has no signed receipt"
                + (details.missingReceiptReason() == null ? "" : ": " + details.missingReceiptReason()) + correction).proving(false);
    }

    private static String describe(PaymentTerm term) {
        return term.termId() + " " + term.percent().stripTrailingZeros().toPlainString() + "% " + term.trigger() + " +" + term.days() + " days";
    }

    private static String reason(String reason) {
        return reason == null ? "" : ": " + reason;
    }

    private void save(String customerId, LocalDate occurredOn, Recorded recorded, EvidenceFact fact) {
        facts.add(customerId, recorded.eventId(), recorded.sequenceNumber(), occurredOn, java.sql.Timestamp.from(recorded.at()),
                fact.kind().name(), fact.subjectId(), fact.refs().toArray(String[]::new), fact.contractId(),
                fact.money() == null ? null : fact.money().currency(), fact.money() == null ? null : fact.money().amount(),
                fact.namedDate(), fact.proves(), fact.documentRef(), fact.description());
    }

    private void reduce(String customerId, List<Allocation> allocations, LocalDate occurredOn, Instant at, String eventId) {
        for (Allocation allocation : allocations) {
            move(customerId, allocation.invoiceId(), allocation.termId(), null, allocation.amount().negate(), occurredOn, at, eventId,
                    allocation.component().name());
        }
    }

    /** A row that moves what is open and records no fees: a term or installment created (no component), or an allocation's part. */
    private void move(String customerId, String invoiceId, String termId, LocalDate dueDate, Money amount,
                      LocalDate occurredOn, Instant at, String eventId, String component) {
        movements.add(customerId, invoiceId, termId, amount.currency(), dueDate, amount.amount(), occurredOn, java.sql.Timestamp.from(at), eventId,
                component, null, null);
    }
}
