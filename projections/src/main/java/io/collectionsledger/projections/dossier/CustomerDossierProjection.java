package io.collectionsledger.projections.dossier;

import io.collectionsledger.contracts.collection.Channel;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.ContactOutcome;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.customer.CorrespondenceAddress;
import io.collectionsledger.contracts.customer.CorrespondenceAddressRecorded;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.dossier.ContactOnFile;
import io.collectionsledger.contracts.dossier.ContractOnFile;
import io.collectionsledger.contracts.dossier.CustomerDossier;
import io.collectionsledger.contracts.dossier.CustomerDossierQuery;
import io.collectionsledger.contracts.dossier.LetterOnFile;
import io.collectionsledger.contracts.dossier.PromiseOnFile;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.party.LedgerParty;
import io.collectionsledger.contracts.party.LedgerPartyQuery;
import io.collectionsledger.contracts.party.LedgerPartyRecorded;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.projections.shared.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The customer dossier: what a letter, a statement or a court filing names and quotes about a
 * customer that no figure-keeping read model holds in its own words. The customer as registered,
 * its contracts' clauses, the contacts, dunning letters and promises in the order they happened.
 * Every row keeps its business date and recording time, and nothing is overwritten, so the dossier
 * as of any date, as known at any time, takes the rows that qualify. It keeps the ledger's own party
 * (the sender of the letters) the same way. It only listens and answers.
 */
@Component
@ProcessingGroup(CustomerDossierProjection.PROCESSING_GROUP)
public class CustomerDossierProjection {

    public static final String PROCESSING_GROUP = "customer-dossier";

    private final JdbcClient jdbc;
    private final BatchedWrites.Statement customers;
    private final BatchedWrites.Statement addresses;
    private final BatchedWrites.Statement ledgerParties;
    private final BatchedWrites.Statement contracts;
    private final BatchedWrites.Statement contractTerms;
    private final BatchedWrites.Statement contacts;
    private final BatchedWrites.Statement letters;
    private final BatchedWrites.Statement deliveries;
    private final BatchedWrites.Statement promises;
    private final BatchedWrites.Statement outcomes;

    /** Every row is an insert no other row depends on: all of them can wait for the batch's end. */
    public CustomerDossierProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        BatchedWrites writes = new BatchedWrites(jdbcTemplate);
        this.customers = writes.statement("""
                insert into dossier_customer (customer_id, name, registration_number, occurred_on, recorded_at) values (?, ?, ?, ?, ?)""");
        this.addresses = writes.statement("""
                insert into dossier_address (customer_id, sequence_number, occurred_on, recorded_at, postal_address, postcode, contact_person,
                                             contact_phone)
                values (?, ?, ?, ?, ?, ?, ?, ?)""");
        this.ledgerParties = writes.statement("""
                insert into dossier_ledger_party (sequence_number, occurred_on, recorded_at, name, registration_number, postal_address, postcode,
                                                  bank_name, bank_account)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.contracts = writes.statement("""
                insert into dossier_contract (customer_id, contract_id, sequence_number, occurred_on, recorded_at, daily_rate_percent,
                                              cap_percent, debtor_bears_costs, forum, forum_body, document_ref)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.contractTerms = writes.statement("""
                insert into dossier_contract_term (customer_id, contract_id, position, term_id, percent, trigger, days)
                values (?, ?, ?, ?, ?, ?, ?)""");
        this.contacts = writes.statement("""
                insert into dossier_contact (customer_id, sequence_number, contact_id, occurred_on, recorded_at, channel, collector,
                                             party_reached, outcome, recording_ref)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.letters = writes.statement("""
                insert into dossier_letter (customer_id, sequence_number, letter_id, occurred_on, recorded_at, level, invoice_ids, currency,
                                            amount, late_fees, deadline, courier, waybill, document_ref)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.deliveries = writes.statement("""
                insert into dossier_letter_delivery (customer_id, letter_id, occurred_on, recorded_at, received_by, proof_ref)
                values (?, ?, ?, ?, ?, ?)""");
        this.promises = writes.statement("""
                insert into dossier_promise (customer_id, sequence_number, promise_id, occurred_on, recorded_at, currency, amount,
                                             promised_date, form, invoice_ids, document_ref)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.outcomes = writes.statement("""
                insert into dossier_promise_outcome (customer_id, sequence_number, promise_id, occurred_on, recorded_at, outcome, received)
                values (?, ?, ?, ?, ?, ?, ?)""");
    }

    @EventHandler
    void on(CustomerRegistered event, @Timestamp Instant at) {
        customers.add(event.customerId(), event.name(), event.registrationNumber(), event.occurredOn(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(CorrespondenceAddressRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        addresses.add(event.customerId(), sequence, event.occurredOn(), java.sql.Timestamp.from(at), event.postalAddress(), event.postcode(),
                event.contactPerson(), event.contactPhone());
    }

    @EventHandler
    void on(LedgerPartyRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ledgerParties.add(sequence, event.occurredOn(), java.sql.Timestamp.from(at), event.name(), event.registrationNumber(),
                event.postalAddress(), event.postcode(), event.bankName(), event.bankAccount());
    }

    @EventHandler
    void on(ContractRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LateFeeTerms fees = event.lateFees();
        DisputeClause clause = event.disputeClause();
        contracts.add(event.customerId(), event.contractId(), sequence, event.occurredOn(), java.sql.Timestamp.from(at),
                fees == null ? null : fees.dailyRatePercent(), fees == null ? null : fees.capPercentOfPrincipal(),
                fees == null ? null : fees.debtorBearsCollectionCosts(),
                clause == null ? null : clause.forum().name(), clause == null ? null : clause.body(), event.documentRef());
        for (int i = 0; i < event.paymentTerms().size(); i++) {
            PaymentTerm term = event.paymentTerms().get(i);
            contractTerms.add(event.customerId(), event.contractId(), i, term.termId(), term.percent(), term.trigger().name(), term.days());
        }
    }

    @EventHandler
    void on(ContactAttemptLogged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        contacts.add(event.customerId(), sequence, event.contactId(), event.occurredOn(), java.sql.Timestamp.from(at), event.channel().name(),
                event.collector(), event.partyReached(), event.outcome().name(), event.recordingRef());
    }

    @EventHandler
    void on(DunningLetterSent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        letters.add(event.customerId(), sequence, event.letterId(), event.occurredOn(), java.sql.Timestamp.from(at), event.level(),
                event.invoiceIds().toArray(String[]::new), event.amountDemanded().currency(), event.amountDemanded().amount(),
                event.lateFeesDemanded().amount(), event.deadline(), event.courier(), event.waybill(), event.documentRef());
    }

    @EventHandler
    void on(DunningLetterDelivered event, @Timestamp Instant at) {
        deliveries.add(event.customerId(), event.letterId(), event.occurredOn(), java.sql.Timestamp.from(at), event.receivedBy(), event.proofRef());
    }

    @EventHandler
    void on(PaymentPromiseRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        promises.add(event.customerId(), sequence, event.promiseId(), event.occurredOn(), java.sql.Timestamp.from(at),
                event.amount().currency(), event.amount().amount(), event.promisedDate(), event.form().name(),
                event.invoiceIds().toArray(String[]::new), event.documentRef());
    }

    @EventHandler
    void on(PaymentPromiseKept event, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcome(event.customerId(), sequence, event.promiseId(), event.occurredOn(), at, PromiseOutcome.KEPT, event.received());
    }

    @EventHandler
    void on(PaymentPromisePartiallyKept event, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcome(event.customerId(), sequence, event.promiseId(), event.occurredOn(), at, PromiseOutcome.PARTIALLY_KEPT, event.received());
    }

    @EventHandler
    void on(PaymentPromiseBroken event, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcome(event.customerId(), sequence, event.promiseId(), event.occurredOn(), at, PromiseOutcome.BROKEN, event.received());
    }

    @EventHandler
    void on(PaymentPromiseOutcomeCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcome(event.customerId(), sequence, event.promiseId(), event.occurredOn(), at, event.corrected(), event.received());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("""
                truncate dossier_customer, dossier_address, dossier_ledger_party, dossier_contract, dossier_contract_term, dossier_contact, dossier_letter, dossier_letter_delivery,
                         dossier_promise, dossier_promise_outcome""").update();
    }

    /** The dossier as of the query's date and time; absent when the customer had not been registered by then. */
    @QueryHandler
    public CustomerDossier handle(CustomerDossierQuery query) {
        Map<String, Object> params = Map.of("customer", query.customerId(), "asOf", query.asOf(),
                "knownAt", java.sql.Timestamp.from(query.knownAt()));
        String qualifies = "customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt";
        List<Map<String, Object>> customer = jdbc.sql("select name, registration_number from dossier_customer where " + qualifies)
                .params(params).query().listOfRows();
        if (customer.isEmpty()) {
            return null;
        }
        // the latest dated on or before asOf replaces the earlier ones; of two on one day, the one recorded last
        CorrespondenceAddress address = jdbc.sql("select * from dossier_address where " + qualifies
                        + " order by occurred_on desc, sequence_number desc limit 1")
                .params(params)
                .query((rs, n) -> new CorrespondenceAddress(date(rs, "occurred_on"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("postal_address"), rs.getString("postcode"), rs.getString("contact_person"), rs.getString("contact_phone")))
                .optional().orElse(null);
        Map<String, List<PaymentTerm>> terms = jdbc.sql("""
                        select contract_id, term_id, percent, trigger, days from dossier_contract_term
                        where customer_id = :customer order by contract_id, position""")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getString("contract_id"), new PaymentTerm(rs.getString("term_id"),
                        plain(rs.getBigDecimal("percent")), PaymentTerm.Trigger.valueOf(rs.getString("trigger")), rs.getInt("days"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<ContractOnFile> contractsOnFile = jdbc.sql("select * from dossier_contract where " + qualifies + " order by sequence_number")
                .params(params)
                .query((rs, n) -> contract(rs, terms))
                .list();
        List<ContactOnFile> contactsOnFile = jdbc.sql("select * from dossier_contact where " + qualifies + " order by sequence_number")
                .params(params)
                .query((rs, n) -> new ContactOnFile(rs.getString("contact_id"), date(rs, "occurred_on"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("collector"), rs.getString("party_reached"), ContactOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("recording_ref")))
                .list();
        Map<String, Delivery> delivered = new HashMap<>();
        jdbc.sql("select * from dossier_letter_delivery where " + qualifies).params(params)
                .query((rs, n) -> delivered.put(rs.getString("letter_id"),
                        new Delivery(date(rs, "occurred_on"), rs.getString("received_by"), rs.getString("proof_ref"))))
                .list();
        List<LetterOnFile> lettersOnFile = jdbc.sql("select * from dossier_letter where " + qualifies + " order by sequence_number")
                .params(params)
                .query((rs, n) -> letter(rs, delivered.get(rs.getString("letter_id"))))
                .list();
        // the latest judgement or correction of each promise stands
        Map<String, Judgement> judged = new HashMap<>();
        jdbc.sql("select * from dossier_promise_outcome where " + qualifies + " order by sequence_number").params(params)
                .query((rs, n) -> judged.put(rs.getString("promise_id"),
                        new Judgement(PromiseOutcome.valueOf(rs.getString("outcome")), date(rs, "occurred_on"), rs.getBigDecimal("received"))))
                .list();
        List<PromiseOnFile> promisesOnFile = jdbc.sql("select * from dossier_promise where " + qualifies + " order by sequence_number")
                .params(params)
                .query((rs, n) -> promise(rs, judged.get(rs.getString("promise_id"))))
                .list();
        return new CustomerDossier(query.customerId(), query.asOf(), query.knownAt(), (String) customer.get(0).get("name"),
                (String) customer.get(0).get("registration_number"), address, contractsOnFile, contactsOnFile, lettersOnFile, promisesOnFile);
    }

    /** The ledger's own party in force on the query's date, as known at its time; absent when none was recorded by then. */
    @QueryHandler
    public LedgerParty handle(LedgerPartyQuery query) {
        return jdbc.sql("""
                        select * from dossier_ledger_party where occurred_on <= :asOf and recorded_at <= :knownAt
                        order by occurred_on desc, sequence_number desc limit 1""")
                .params(Map.of("asOf", query.asOf(), "knownAt", java.sql.Timestamp.from(query.knownAt())))
                .query((rs, n) -> new LedgerParty(date(rs, "occurred_on"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("name"),
                        rs.getString("registration_number"), rs.getString("postal_address"), rs.getString("postcode"), rs.getString("bank_name"),
                        rs.getString("bank_account")))
                .optional().orElse(null);
    }

    private void outcome(String customerId, long sequence, String promiseId, LocalDate occurredOn, Instant at, PromiseOutcome outcome, Money received) {
        outcomes.add(customerId, sequence, promiseId, occurredOn, java.sql.Timestamp.from(at), outcome.name(), received.amount());
    }

    private static ContractOnFile contract(ResultSet rs, Map<String, List<PaymentTerm>> terms) throws SQLException {
        BigDecimal rate = rs.getBigDecimal("daily_rate_percent");
        LateFeeTerms fees = rate == null ? null
                : new LateFeeTerms(plain(rate), plain(rs.getBigDecimal("cap_percent")), rs.getBoolean("debtor_bears_costs"));
        String forum = rs.getString("forum");
        DisputeClause clause = forum == null ? null : new DisputeClause(DisputeClause.Forum.valueOf(forum), rs.getString("forum_body"));
        String contractId = rs.getString("contract_id");
        return new ContractOnFile(contractId, date(rs, "occurred_on"), terms.getOrDefault(contractId, List.of()), fees, clause,
                rs.getString("document_ref"));
    }

    private record Delivery(LocalDate on, String receivedBy, String proofRef) {
    }

    private record Judgement(PromiseOutcome outcome, LocalDate on, BigDecimal received) {
    }

    private static LetterOnFile letter(ResultSet rs, Delivery delivery) throws SQLException {
        String currency = rs.getString("currency");
        return new LetterOnFile(rs.getString("letter_id"), date(rs, "occurred_on"), rs.getInt("level"), ids(rs.getArray("invoice_ids")),
                new Money(rs.getBigDecimal("amount"), currency), new Money(rs.getBigDecimal("late_fees"), currency), date(rs, "deadline"),
                rs.getString("courier"), rs.getString("waybill"), rs.getString("document_ref"),
                delivery == null ? null : delivery.on(), delivery == null ? null : delivery.receivedBy(),
                delivery == null ? null : delivery.proofRef());
    }

    private static PromiseOnFile promise(ResultSet rs, Judgement judgement) throws SQLException {
        String currency = rs.getString("currency");
        return new PromiseOnFile(rs.getString("promise_id"), date(rs, "occurred_on"), new Money(rs.getBigDecimal("amount"), currency),
                date(rs, "promised_date"), RecordPaymentPromise.Form.valueOf(rs.getString("form")), ids(rs.getArray("invoice_ids")),
                rs.getString("document_ref"),
                judgement == null ? null : judgement.outcome(), judgement == null ? null : judgement.on(),
                judgement == null ? null : new Money(judgement.received(), currency));
    }

    /** A percentage as it was written: 0.05 and 30, not the column's 0.050000 and 30.0000. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static List<String> ids(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
