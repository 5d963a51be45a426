package io.collectionsledger.projections.evidence;

import io.collectionsledger.contracts.evidence.Evidence;
import io.collectionsledger.contracts.evidence.EvidenceChecklist;
import io.collectionsledger.contracts.evidence.EvidenceItem;
import io.collectionsledger.contracts.evidence.LimitationPeriod;
import io.collectionsledger.contracts.evidence.Proof;
import io.collectionsledger.contracts.evidence.Readiness;
import io.collectionsledger.contracts.evidence.ReceivableReadiness;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.projections.evidence.EvidenceFact.Kind;
import io.collectionsledger.projections.shared.CustomerLateFees;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A customer's case file as of a business date, as known at a time: the facts that happened by
 * then and were recorded by then, in the account's order, and what was open on each term, the late
 * fees accrued since the last recorded day included, as the statement of account counts them. The
 * checklist of a receivable follows the lawyer's steps over it; the customer's checklist puts
 * together those of its open receivables.
 */
final class CaseFile {

    /** PRC Civil Code art. 188. */
    static final int LIMITATION_YEARS = 3;

    private final String customerId;
    private final LocalDate asOf;
    private final Instant knownAt;
    private final List<EvidenceFact> facts;
    private final Map<String, List<OpenTerm>> openTermsByReceivable;

    /**
     * What the late fees accrued since the last recorded day rest on, in this read model's tables: the
     * invoices under a contract with late-fee terms not written off by then, what moved a term's
     * principal (what reduced it negative, what reopened it positive), the fees recorded net of corrections.
     */
    private static final CustomerLateFees.Source FEES_ACCRUED = new CustomerLateFees.Source("""
            select distinct m.invoice_id, m.term_id, c.daily_rate_percent, c.cap_percent_of_principal
            from evidence_term_movement m
            join evidence_fact i on (i.customer_id, i.subject_id, i.kind) = (m.customer_id, m.invoice_id, 'INVOICE')
            join evidence_late_fee_terms c on (c.customer_id, c.contract_id) = (i.customer_id, i.contract_id)
            where m.customer_id = :customer and m.due_date is not null and m.occurred_on <= :asOf and m.recorded_at <= :knownAt
              and i.occurred_on <= :asOf and i.recorded_at <= :knownAt
              and not exists (select from evidence_write_off w
                              where (w.customer_id, w.invoice_id) = (i.customer_id, i.subject_id)
                                and w.occurred_on <= :asOf and w.recorded_at <= :knownAt)""", """
            select invoice_id, term_id, fees_recorded is not null as fees, coalesce(fees_recorded, amount) as amount, occurred_on, accrued_through
            from evidence_term_movement
            where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
              and (component = 'PRINCIPAL' or fees_recorded is not null)""", """
            select effective_from, annual_percent from evidence_legal_cap where recorded_at <= :knownAt order by sequence_number""");

    /** What an invoice term or plan installment asked for, and what is open on it. */
    record OpenTerm(String receivableId, String termId, LocalDate dueDate, Money principal, Money open) {

        /** The term with the late fees accrued on it since the last recorded day added to what is open. */
        OpenTerm withFeesAccrued(CustomerLateFees fees) {
            return new OpenTerm(receivableId, termId, dueDate, principal, open.plus(fees.accrued(receivableId, termId, dueDate, principal, open)));
        }
    }

    /** Something owed under its own id: an invoice, or a payment plan that took over what invoices owed. */
    private record Receivable(String id, String currency, LocalDate issuedOn) {

        static Receivable of(EvidenceFact fact) {
            return new Receivable(fact.subjectId(), fact.money().currency(), fact.occurredOn());
        }
    }

    private CaseFile(String customerId, LocalDate asOf, Instant knownAt, List<EvidenceFact> facts, List<OpenTerm> openTerms) {
        this.customerId = customerId;
        this.asOf = asOf;
        this.knownAt = knownAt;
        this.facts = facts;
        this.openTermsByReceivable = openTerms.stream().collect(Collectors.groupingBy(OpenTerm::receivableId));
    }

    static CaseFile load(JdbcClient jdbc, String customerId, LocalDate asOf, Instant knownAt) {
        Map<String, Object> params = Map.of("customer", customerId, "asOf", asOf, "knownAt", Timestamp.from(knownAt));
        List<EvidenceFact> facts = jdbc.sql("""
                        select * from evidence_fact
                        where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                        order by sequence_number, kind, document_ref""")
                .params(params)
                .query((rs, n) -> new EvidenceFact(Kind.valueOf(rs.getString("kind")), rs.getString("subject_id"),
                        Arrays.asList((String[]) rs.getArray("refs").getArray()), rs.getString("contract_id"),
                        rs.getString("currency") == null ? null : new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                        rs.getObject("named_date", LocalDate.class), rs.getBoolean("proves"), rs.getString("document_ref"),
                        rs.getString("description"), rs.getString("event_id"), rs.getLong("sequence_number"),
                        rs.getObject("occurred_on", LocalDate.class)))
                .list();
        CustomerLateFees fees = new CustomerLateFees(jdbc, params, asOf, FEES_ACCRUED);
        // the row that creates a term is the only one with its due date, and states its principal
        List<OpenTerm> terms = jdbc.sql("""
                        select invoice_id, term_id, currency, max(due_date) as due_date, sum(amount) filter (where due_date is not null) as principal,
                               sum(amount) as open
                        from evidence_term_movement
                        where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                        group by invoice_id, term_id, currency
                        having max(due_date) is not null and sum(amount) > 0""")
                .params(params)
                .query((rs, n) -> new OpenTerm(rs.getString("invoice_id"), rs.getString("term_id"), rs.getObject("due_date", LocalDate.class),
                        new Money(rs.getBigDecimal("principal"), rs.getString("currency")), new Money(rs.getBigDecimal("open"), rs.getString("currency"))))
                .list().stream().map(term -> term.withFeesAccrued(fees)).toList();
        return new CaseFile(customerId, asOf, knownAt, facts, terms);
    }

    /**
     * Every receivable open as of the date (or, with none open, every one issued) checked item by
     * item; an item is present for the customer when it is present for each of them.
     */
    EvidenceChecklist customerChecklist() {
        List<EvidenceFact> invoices = of(Kind.INVOICE).toList();
        List<EvidenceFact> open = invoices.stream().filter(this::stillOwed).toList();
        List<EvidenceFact> scope = open.isEmpty() ? invoices : open;
        if (scope.isEmpty()) {
            List<EvidenceItem> items = items(null);
            return new EvidenceChecklist(customerId, null, asOf, knownAt, items, readiness(items, Optional.empty()), null, List.of());
        }
        List<List<EvidenceItem>> perReceivable = scope.stream().map(this::items).toList();
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < Evidence.values().length; i++) {
            int index = i;
            List<EvidenceItem> same = perReceivable.stream().map(list -> list.get(index)).toList();
            Set<Proof> proofs = new LinkedHashSet<>();
            Set<String> gaps = new LinkedHashSet<>();
            same.forEach(item -> {
                proofs.addAll(item.proofs());
                gaps.addAll(item.gaps());
            });
            Evidence evidence = Evidence.values()[i];
            items.add(new EvidenceItem(evidence, evidence.step(), same.stream().allMatch(EvidenceItem::present), List.copyOf(proofs), List.copyOf(gaps)));
        }
        List<ReceivableReadiness> receivables = new ArrayList<>();
        for (int i = 0; i < scope.size(); i++) {
            EvidenceFact invoice = scope.get(i);
            receivables.add(new ReceivableReadiness(invoice.subjectId(), openOn(invoice), stillMissing(perReceivable.get(i)),
                    limitation(invoice).orElse(null)));
        }
        Optional<LimitationPeriod> first = receivables.stream().map(ReceivableReadiness::limitation).filter(java.util.Objects::nonNull)
                .min(Comparator.comparing(LimitationPeriod::expiresOn).thenComparing(LimitationPeriod::dueDate));
        return new EvidenceChecklist(customerId, null, asOf, knownAt, items, readiness(items, first), first.orElse(null), receivables);
    }

    /** The checklist of one invoice; empty when it had not been issued by the date, as known at the time. */
    Optional<EvidenceChecklist> receivableChecklist(String invoiceId) {
        return of(Kind.INVOICE).filter(invoice -> invoice.subjectId().equals(invoiceId)).findFirst().map(invoice -> {
            List<EvidenceItem> items = items(invoice);
            Optional<LimitationPeriod> limitation = limitation(invoice);
            return new EvidenceChecklist(customerId, invoiceId, asOf, knownAt, items, readiness(items, limitation), limitation.orElse(null),
                    List.of(new ReceivableReadiness(invoiceId, openOn(invoice), stillMissing(items), limitation.orElse(null))));
        });
    }

    /** The items in the lawyer's order, over one invoice, or over the account when it has none. */
    private List<EvidenceItem> items(EvidenceFact invoice) {
        return List.of(
                contract(Evidence.CONTRACT_VALIDITY, Kind.CONTRACT_VALIDITY, invoice),
                contract(Evidence.PAYMENT_TERMS, Kind.CONTRACT_PAYMENT_TERMS, invoice),
                contract(Evidence.LATE_PAYMENT_LIABILITY, Kind.CONTRACT_LATE_FEES, invoice),
                contract(Evidence.DISPUTE_CLAUSE, Kind.CONTRACT_DISPUTE_CLAUSE, invoice),
                signedDeliveryReceipts(invoice),
                noOpenDispute(invoice),
                contactHistory(invoice),
                reconciliationStatement(invoice),
                paymentCommitment(invoice),
                eitherOr(Evidence.ASSET_LEADS, of(Kind.ASSET_LEAD).toList(), "no asset lead recorded"),
                supplySuspended(),
                dunningLetterDelivered(invoice),
                eitherOr(Evidence.GUARANTEE, of(Kind.GUARANTEE).toList(), "no guarantee, pledge or mortgage obtained"),
                eitherOr(Evidence.LAWSUIT_FILED, of(Kind.LAWSUIT).filter(concerning(invoice)).toList(),
                        "no suit or arbitration filed" + over(invoice)));
    }

    /** The contract behind the invoice states it (validity, payment terms, late-payment liability, dispute clause). */
    private EvidenceItem contract(Evidence evidence, Kind kind, EvidenceFact invoice) {
        if (invoice == null) {
            return missing(evidence, "no receivable has been issued");
        }
        if (invoice.contractId() == null) {
            return missing(evidence, "invoice " + invoice.subjectId() + " names no contract");
        }
        List<EvidenceFact> about = of(kind).filter(fact -> fact.subjectId().equals(invoice.contractId())).toList();
        if (about.isEmpty()) {
            return missing(evidence, "contract " + invoice.contractId() + " is not recorded");
        }
        List<EvidenceFact> proofs = about.stream().filter(EvidenceFact::proves).toList();
        return proofs.isEmpty() ? missing(evidence, about.stream().map(EvidenceFact::description).toList()) : present(evidence, proofs);
    }

    /** Every delivery behind the invoice, as last recorded or corrected, has a signed receipt. */
    private EvidenceItem signedDeliveryReceipts(EvidenceFact invoice) {
        Evidence evidence = Evidence.SIGNED_DELIVERY_RECEIPTS;
        if (invoice == null) {
            return missing(evidence, "no receivable has been issued");
        }
        if (invoice.refs().isEmpty()) {
            return missing(evidence, "invoice " + invoice.subjectId() + " names no delivery");
        }
        List<EvidenceFact> proofs = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (String deliveryId : invoice.refs()) {
            Optional<EvidenceFact> latest = of(Kind.DELIVERY).filter(fact -> fact.subjectId().equals(deliveryId)).reduce((first, later) -> later);
            if (latest.isEmpty()) {
                gaps.add("delivery " + deliveryId + " is not recorded");
            } else if (latest.get().proves()) {
                proofs.add(latest.get());
            } else {
                gaps.add(latest.get().description());
            }
        }
        return new EvidenceItem(evidence, evidence.step(), gaps.isEmpty(), proofs(proofs), gaps);
    }

    /** No dispute over the invoice is open; resolved ones are shown with their resolution. */
    private EvidenceItem noOpenDispute(EvidenceFact invoice) {
        Evidence evidence = Evidence.NO_OPEN_DISPUTE;
        Set<String> resolved = of(Kind.DISPUTE_RESOLVED).map(EvidenceFact::subjectId).collect(Collectors.toSet());
        List<String> open = of(Kind.DISPUTE_RAISED).filter(concerning(invoice)).filter(dispute -> !resolved.contains(dispute.subjectId()))
                .map(dispute -> dispute.description() + " is open").toList();
        List<EvidenceFact> resolutions = of(Kind.DISPUTE_RESOLVED).filter(concerning(invoice)).toList();
        return new EvidenceItem(evidence, evidence.step(), open.isEmpty(), proofs(resolutions), open);
    }

    /** Contact attempts since the invoice was issued, at least one with a recording or message that keeps the trace. */
    private EvidenceItem contactHistory(EvidenceFact invoice) {
        Evidence evidence = Evidence.CONTACT_HISTORY;
        List<EvidenceFact> contacts = of(Kind.CONTACT).filter(contact -> invoice == null || !contact.occurredOn().isBefore(invoice.occurredOn())).toList();
        List<EvidenceFact> traced = contacts.stream().filter(EvidenceFact::proves).toList();
        if (!traced.isEmpty()) {
            return present(evidence, traced);
        }
        String since = invoice == null ? "" : " since invoice " + invoice.subjectId() + " was issued";
        return missing(evidence, contacts.isEmpty() ? "no contact attempt logged" + since
                : contacts.size() + " contact attempts logged" + since + ", none with a recording or message to prove it");
    }

    private EvidenceItem reconciliationStatement(EvidenceFact invoice) {
        return eitherOr(Evidence.RECONCILIATION_STATEMENT,
                of(Kind.RECONCILIATION).filter(statement -> invoice == null ? statement.money().signum() > 0 : confirms(statement, Receivable.of(invoice))).toList(),
                "no stamped reconciliation statement confirms a balance" + (invoice == null ? "" : " that includes invoice " + invoice.subjectId()));
    }

    /** A written promise or a signed payment plan covering the invoice; a spoken promise is named but does not count. */
    private EvidenceItem paymentCommitment(EvidenceFact invoice) {
        Evidence evidence = Evidence.PAYMENT_COMMITMENT;
        List<EvidenceFact> promises = of(Kind.PROMISE).filter(promise -> invoice == null || covers(promise, Receivable.of(invoice))).toList();
        List<EvidenceFact> commitments = Stream.concat(promises.stream().filter(EvidenceFact::proves), of(Kind.PLAN).filter(concerning(invoice))).toList();
        if (!commitments.isEmpty()) {
            return present(evidence, commitments);
        }
        List<String> gaps = new ArrayList<>();
        gaps.add("no written payment commitment or payment plan" + (invoice == null ? "" : " covers invoice " + invoice.subjectId()));
        promises.forEach(spoken -> gaps.add(spoken.description() + " was not put in writing"));
        return missing(evidence, gaps);
    }

    private EvidenceItem supplySuspended() {
        Optional<EvidenceFact> last = facts.stream().filter(fact -> fact.kind() == Kind.SUPPLY_SUSPENDED || fact.kind() == Kind.SUPPLY_RESUMED)
                .reduce((first, later) -> later);
        if (last.isPresent() && last.get().kind() == Kind.SUPPLY_SUSPENDED) {
            return present(Evidence.SUPPLY_SUSPENDED, List.of(last.get()));
        }
        return missing(Evidence.SUPPLY_SUSPENDED, last.map(EvidenceFact::description).orElse("supply has not been suspended"));
    }

    /** A letter demanding the invoice with the courier's proof of delivery; a letter without that proof is named as the gap. */
    private EvidenceItem dunningLetterDelivered(EvidenceFact invoice) {
        Evidence evidence = Evidence.DUNNING_LETTER_DELIVERED;
        List<EvidenceFact> letters = of(Kind.LETTER_SENT).filter(concerning(invoice)).toList();
        List<EvidenceFact> proofs = new ArrayList<>();
        for (EvidenceFact letter : letters) {
            deliveryOf(letter).ifPresent(delivery -> {
                proofs.add(letter);
                proofs.add(delivery);
            });
        }
        if (!proofs.isEmpty()) {
            return present(evidence, proofs);
        }
        return missing(evidence, letters.isEmpty() ? List.of("no dunning letter sent" + over(invoice))
                : letters.stream().map(letter -> letter.description() + " on " + letter.occurredOn() + ", with no proof of delivery").toList());
    }

    /**
     * The overdue term whose limitation period expires first, among the invoice's own terms and
     * the installments of plans that took over what it owed.
     */
    private Optional<LimitationPeriod> limitation(EvidenceFact invoice) {
        List<Receivable> receivables = new ArrayList<>();
        receivables.add(Receivable.of(invoice));
        of(Kind.PLAN).filter(plan -> plan.concerns(invoice.subjectId())).map(Receivable::of).forEach(receivables::add);
        List<LimitationPeriod> periods = new ArrayList<>();
        for (Receivable receivable : receivables) {
            Optional<EvidenceFact> restart = lastRestart(receivable);
            for (OpenTerm term : openTermsByReceivable.getOrDefault(receivable.id(), List.of())) {
                if (!term.dueDate().isBefore(asOf)) {
                    continue;
                }
                boolean restarted = restart.isPresent() && restart.get().occurredOn().isAfter(term.dueDate());
                LocalDate runsFrom = restarted ? restart.get().occurredOn() : term.dueDate();
                LocalDate expiresOn = runsFrom.plusYears(LIMITATION_YEARS);
                periods.add(new LimitationPeriod(expiresOn, ChronoUnit.DAYS.between(asOf, expiresOn), receivable.id(), term.termId(),
                        term.dueDate(), runsFrom, restarted ? restart.get().proof() : null));
            }
        }
        return periods.stream().min(Comparator.comparing(LimitationPeriod::expiresOn).thenComparing(LimitationPeriod::dueDate));
    }

    /**
     * The last fact that restarted the limitation period of the receivable (PRC Civil Code art.
     * 195, domain.md §3): a demand with proof of delivery, an acknowledgement by the debtor (a
     * confirmed reconciliation statement, a payment promise, a part payment, a payment plan), or
     * a suit filed. A payment later reversed (a cheque that bounced) acknowledged nothing.
     */
    private Optional<EvidenceFact> lastRestart(Receivable receivable) {
        Set<String> reversed = of(Kind.PAYMENT_REVERSED).map(EvidenceFact::subjectId).collect(Collectors.toSet());
        Set<String> lettersDemandingIt = of(Kind.LETTER_SENT).filter(letter -> letter.concerns(receivable.id()))
                .map(EvidenceFact::subjectId).collect(Collectors.toSet());
        return facts.stream().filter(fact -> switch (fact.kind()) {
            case LETTER_DELIVERED -> lettersDemandingIt.contains(fact.subjectId());
            case RECONCILIATION -> confirms(fact, receivable);
            case PROMISE -> covers(fact, receivable);
            case PAYMENT -> fact.concerns(receivable.id()) && !reversed.contains(fact.subjectId());
            case PLAN, LAWSUIT -> fact.concerns(receivable.id());
            default -> false;
        }).max(Comparator.comparing(EvidenceFact::occurredOn).thenComparing(EvidenceFact::sequenceNumber));
    }

    /** A stamped statement confirming a balance in the receivable's currency, dated on or after it was issued, acknowledges it. */
    private static boolean confirms(EvidenceFact statement, Receivable receivable) {
        return statement.money().signum() > 0 && statement.money().currency().equals(receivable.currency())
                && !statement.namedDate().isBefore(receivable.issuedOn());
    }

    /** A promise covers the invoices it names, or, naming none, whatever was owed in its currency when it was given. */
    private static boolean covers(EvidenceFact promise, Receivable receivable) {
        return promise.concerns(receivable.id()) || promise.refs().isEmpty()
                && promise.money().currency().equals(receivable.currency()) && !promise.occurredOn().isBefore(receivable.issuedOn());
    }

    private Optional<EvidenceFact> deliveryOf(EvidenceFact letter) {
        return of(Kind.LETTER_DELIVERED).filter(delivery -> delivery.subjectId().equals(letter.subjectId())).findFirst();
    }

    /** Something is still owed on the invoice, or on a plan that took it over. */
    private boolean stillOwed(EvidenceFact invoice) {
        return openTermsByReceivable.containsKey(invoice.subjectId())
                || of(Kind.PLAN).anyMatch(plan -> plan.concerns(invoice.subjectId()) && openTermsByReceivable.containsKey(plan.subjectId()));
    }

    private Money openOn(EvidenceFact invoice) {
        return openTermsByReceivable.getOrDefault(invoice.subjectId(), List.of()).stream().map(OpenTerm::open)
                .reduce(Money.zero(invoice.money().currency()), Money::plus);
    }

    private static Readiness readiness(List<EvidenceItem> items, Optional<LimitationPeriod> limitation) {
        List<Evidence> missing = stillMissing(items);
        return new Readiness(missing.isEmpty() && limitation.isPresent(), missing);
    }

    private static List<Evidence> stillMissing(List<EvidenceItem> items) {
        return items.stream().filter(item -> !item.present() && item.evidence().neededBeforeSuing()).map(EvidenceItem::evidence).toList();
    }

    private Stream<EvidenceFact> of(Kind kind) {
        return facts.stream().filter(fact -> fact.kind() == kind);
    }

    /** Facts about the invoice; with no invoice, all of them. */
    private static Predicate<EvidenceFact> concerning(EvidenceFact invoice) {
        return fact -> invoice == null || fact.concerns(invoice.subjectId());
    }

    private static String over(EvidenceFact invoice) {
        return invoice == null ? "" : " over invoice " + invoice.subjectId();
    }

    private static EvidenceItem eitherOr(Evidence evidence, List<EvidenceFact> proofs, String gap) {
        return proofs.isEmpty() ? missing(evidence, gap) : present(evidence, proofs);
    }

    private static EvidenceItem present(Evidence evidence, List<EvidenceFact> proofs) {
        return new EvidenceItem(evidence, evidence.step(), true, proofs(proofs), List.of());
    }

    private static EvidenceItem missing(Evidence evidence, String gap) {
        return missing(evidence, List.of(gap));
    }

    private static EvidenceItem missing(Evidence evidence, List<String> gaps) {
        return new EvidenceItem(evidence, evidence.step(), false, List.of(), gaps);
    }

    private static List<Proof> proofs(List<EvidenceFact> facts) {
        return facts.stream().map(EvidenceFact::proof).toList();
    }

}
