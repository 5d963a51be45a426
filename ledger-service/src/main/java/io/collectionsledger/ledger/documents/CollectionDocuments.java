package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.aging.AgingTermLine;
import io.collectionsledger.contracts.customer.CorrespondenceAddress;
import io.collectionsledger.contracts.dossier.ContactOnFile;
import io.collectionsledger.contracts.dossier.ContractOnFile;
import io.collectionsledger.contracts.dossier.CustomerDossier;
import io.collectionsledger.contracts.dossier.CustomerDossierQuery;
import io.collectionsledger.contracts.dossier.LetterOnFile;
import io.collectionsledger.contracts.dossier.PromiseOnFile;
import io.collectionsledger.contracts.evidence.EvidenceChecklist;
import io.collectionsledger.contracts.evidence.EvidenceChecklistQuery;
import io.collectionsledger.contracts.evidence.EvidenceItem;
import io.collectionsledger.contracts.party.LedgerParty;
import io.collectionsledger.contracts.party.LedgerPartyQuery;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.statement.AccountItem;
import io.collectionsledger.contracts.statement.StatementOfAccount;
import io.collectionsledger.contracts.statement.StatementOfAccountQuery;
import io.collectionsledger.ledger.query.InvalidQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The collection documents, each a template filled from the read models' answers as of a business
 * date, as known at a time: every figure is taken from the statement of account, the aging report
 * or the evidence checklist as they answer for that date and time, never computed again here; the
 * dossier gives the names, clauses and the collection work the documents quote.
 */
@Component
class CollectionDocuments {

    /** The grace a letter gives unless told otherwise: the guides ask for 7 to 15 days. */
    static final int DEFAULT_DAYS_TO_PAY = 10;

    private final QueryGateway queries;
    private final PdfRenderer renderer;

    CollectionDocuments(QueryGateway queries, PdfRenderer renderer) {
        this.queries = queries;
        this.renderer = renderer;
    }

    /**
     * The draft of dunning letter {@code letterId}: every overdue term in one currency not under
     * dispute, with the contract clauses behind it, to be paid by {@code deadline}.
     *
     * @param currency the currency demanded; needed only when debts are overdue in several
     */
    RenderedDocument dunningLetter(String customerId, String letterId, LocalDate asOf, Instant knownAt, LocalDate deadline, String currency,
                                   DocumentLanguage language) {
        return dunningLetterDrafted(customerId, letterId, asOf, knownAt, deadline, currency, language).document();
    }

    /** A dunning letter as rendered, and what it states: to check a letter being sent against its draft. */
    record DraftedLetter(DunningLetterDraft letter, RenderedDocument document) {
    }

    DraftedLetter dunningLetterDrafted(String customerId, String letterId, LocalDate asOf, Instant knownAt, LocalDate deadline, String currency,
                                       DocumentLanguage language) {
        CustomerDossier dossier = dossier(customerId, asOf, knownAt);
        StatementOfAccount statement = statement(customerId, asOf, knownAt);
        Map<String, AgingTermLine> aging = agingLines(customerId, asOf, knownAt);
        Set<String> disputed = aging.values().stream().filter(line -> line.disputed().signum() > 0).map(AgingTermLine::invoiceId)
                .collect(Collectors.toSet());
        List<AccountItem> overdue = statement.items().stream().filter(item -> daysPastDue(aging, item) > 0).toList();
        Set<String> currencies = overdue.stream().filter(item -> !disputed.contains(item.invoiceId())).map(item -> item.open().currency())
                .collect(Collectors.toCollection(TreeSet::new));
        if (currency == null && currencies.size() > 1) {
            throw new InvalidQuery("debts are overdue in " + String.join(", ", currencies) + "; a letter demands one currency: name it with currency=");
        }
        String demanded = currency != null ? currency : currencies.stream().findFirst()
                .orElseThrow(() -> new NothingToDemand("nothing undisputed is overdue for customer " + customerId + " as of " + asOf));
        List<DunningLetterDraft.Debt> debts = new ArrayList<>();
        Money disputedLeftOut = Money.zero(demanded);
        for (AccountItem item : overdue) {
            if (!item.open().currency().equals(demanded)) {
                continue;
            }
            if (disputed.contains(item.invoiceId())) {
                disputedLeftOut = disputedLeftOut.plus(item.open());
            } else {
                debts.add(new DunningLetterDraft.Debt(item.invoiceId(), item.termId(), item.contractId(), item.dueDate(), daysPastDue(aging, item),
                        item.openPrincipal(), item.openLateFees(), item.open()));
            }
        }
        if (debts.isEmpty()) {
            throw new NothingToDemand("nothing undisputed in " + demanded + " is overdue for customer " + customerId + " as of " + asOf);
        }
        if (deadline.isBefore(asOf)) {
            throw new InvalidQuery("deadline " + deadline + " is before the letter's date " + asOf);
        }
        Set<String> contractIds = debts.stream().map(DunningLetterDraft.Debt::contractId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<ContractOnFile> contracts = contractIds.stream().flatMap(id -> dossier.contracts().stream().filter(c -> c.contractId().equals(id)))
                .toList();
        int level = Math.min(3, (int) dossier.letters().stream().filter(letter -> !letter.letterId().equals(letterId)).count() + 1);
        DunningLetterDraft letter = new DunningLetterDraft(letterId, asOf, knownAt, level, sender(asOf, knownAt), recipient(dossier), debts,
                sum(debts, DunningLetterDraft.Debt::principal, demanded), sum(debts, DunningLetterDraft.Debt::lateFees, demanded),
                sum(debts, DunningLetterDraft.Debt::total, demanded), contracts, deadline, disputedLeftOut);
        List<String> missing = missing(letter.sender(), letter.recipient());
        return new DraftedLetter(letter, renderer.render(DocumentTemplate.DUNNING_LETTER, language, Map.of("letter", letter, "missing", missing),
                title(language, "催款函", "Demand for payment") + " " + letterId, knownAt,
                String.join("\n", "dunning-letter", customerId, letterId, asOf.toString(), knownAt.toString(), deadline.toString(), demanded),
                "dunning-letter-" + customerId + "-" + letterId + "-" + asOf + ".pdf", missing));
    }

    /** The statement of account sent to the customer: its open items, and per currency what is open and its unapplied credit. */
    RenderedDocument statementOfAccount(String customerId, LocalDate asOf, Instant knownAt, DocumentLanguage language) {
        CustomerDossier dossier = dossier(customerId, asOf, knownAt);
        StatementOfAccount statement = statement(customerId, asOf, knownAt);
        Map<String, AgingTermLine> aging = agingLines(customerId, asOf, knownAt);
        List<StatementDocument.Line> lines = statement.items().stream()
                .map(item -> new StatementDocument.Line(item, Math.max(0, daysPastDue(aging, item)))).toList();
        Map<String, StatementDocument.CurrencyTotal> totals = new TreeMap<>();
        statement.totalOpen().forEach(open -> totals.put(open.currency(),
                new StatementDocument.CurrencyTotal(open.currency(), open, Money.zero(open.currency()))));
        statement.unappliedCredit().forEach(credit -> totals.merge(credit.currency(),
                new StatementDocument.CurrencyTotal(credit.currency(), Money.zero(credit.currency()), credit),
                (open, onlyCredit) -> new StatementDocument.CurrencyTotal(open.currency(), open.open(), credit)));
        StatementDocument document = new StatementDocument(asOf, knownAt, sender(asOf, knownAt), recipient(dossier), lines,
                List.copyOf(totals.values()));
        List<String> missing = missing(document.sender(), document.recipient());
        return renderer.render(DocumentTemplate.STATEMENT_OF_ACCOUNT, language, Map.of("statement", document, "missing", missing),
                title(language, "对账单", "Statement of account") + " " + customerId + " " + asOf, knownAt,
                String.join("\n", "statement-of-account", customerId, asOf.toString(), knownAt.toString()),
                "statement-of-account-" + customerId + "-" + asOf + ".pdf", missing);
    }

    /** The litigation evidence pack: the checklist step by step, the limitation date, the collection work in order, the amounts claimed. */
    RenderedDocument evidencePack(String customerId, LocalDate asOf, Instant knownAt, DocumentLanguage language) {
        CustomerDossier dossier = dossier(customerId, asOf, knownAt);
        StatementOfAccount statement = statement(customerId, asOf, knownAt);
        EvidenceChecklist checklist = queries.query(new EvidenceChecklistQuery(customerId, null, asOf, knownAt),
                ResponseTypes.instanceOf(EvidenceChecklist.class)).join();
        Map<Integer, List<EvidenceItem>> byStep = checklist.items().stream()
                .collect(Collectors.groupingBy(EvidenceItem::step, TreeMap::new, Collectors.toList()));
        List<EvidencePack.Step> steps = byStep.entrySet().stream().map(step -> new EvidencePack.Step(step.getKey(), step.getValue())).toList();
        Map<String, List<AccountItem>> overdueByCurrency = statement.items().stream().filter(item -> item.dueDate().isBefore(asOf))
                .collect(Collectors.groupingBy(item -> item.open().currency(), TreeMap::new, Collectors.toList()));
        List<EvidencePack.Claim> claims = overdueByCurrency.entrySet().stream().map(claim -> {
            String in = claim.getKey();
            Money principal = sum(claim.getValue(), AccountItem::openPrincipal, in);
            Money lateFees = sum(claim.getValue(), AccountItem::openLateFees, in);
            return new EvidencePack.Claim(in, principal, lateFees, Money.zero(in), principal.plus(lateFees));
        }).toList();
        EvidencePack pack = new EvidencePack(sender(asOf, knownAt), recipient(dossier), checklist, steps, chronology(dossier), claims);
        return renderer.render(DocumentTemplate.EVIDENCE_PACK, language, Map.of("pack", pack, "missing", List.of()),
                title(language, "诉讼证据清单", "Litigation evidence pack") + " " + customerId + " " + asOf, knownAt,
                String.join("\n", "evidence-pack", customerId, asOf.toString(), knownAt.toString()),
                "evidence-pack-" + customerId + "-" + asOf + ".pdf", List.of());
    }

    /** Contacts, letters sent and delivered, promises given and judged, by the day they happened (same day: in that order). */
    private static List<EvidencePack.Entry> chronology(CustomerDossier dossier) {
        List<EvidencePack.Entry> entries = new ArrayList<>();
        for (ContactOnFile contact : dossier.contacts()) {
            entries.add(new EvidencePack.Entry(contact.occurredOn(), EvidencePack.Entry.Kind.CONTACT, contact, null, null));
        }
        for (LetterOnFile letter : dossier.letters()) {
            entries.add(new EvidencePack.Entry(letter.sentOn(), EvidencePack.Entry.Kind.LETTER_SENT, null, letter, null));
            if (letter.deliveredOn() != null) {
                entries.add(new EvidencePack.Entry(letter.deliveredOn(), EvidencePack.Entry.Kind.LETTER_DELIVERED, null, letter, null));
            }
        }
        for (PromiseOnFile promise : dossier.promises()) {
            entries.add(new EvidencePack.Entry(promise.occurredOn(), EvidencePack.Entry.Kind.PROMISE, null, null, promise));
            if (promise.outcome() != null) {
                entries.add(new EvidencePack.Entry(promise.judgedOn(), EvidencePack.Entry.Kind.PROMISE_JUDGED, null, null, promise));
            }
        }
        return entries.stream().sorted(Comparator.comparing(EvidencePack.Entry::on)).toList();
    }

    private CustomerDossier dossier(String customerId, LocalDate asOf, Instant knownAt) {
        CustomerDossier dossier = queries.query(new CustomerDossierQuery(customerId, asOf, knownAt), ResponseTypes.instanceOf(CustomerDossier.class))
                .join();
        if (dossier == null) {
            throw new UnknownCustomer("no customer " + customerId + " was registered by " + asOf + ", as known at " + knownAt);
        }
        return dossier;
    }

    private StatementOfAccount statement(String customerId, LocalDate asOf, Instant knownAt) {
        return queries.query(new StatementOfAccountQuery(customerId, asOf, knownAt), ResponseTypes.instanceOf(StatementOfAccount.class)).join();
    }

    /** The aging report's open terms of the customer, by invoice and term. */
    private Map<String, AgingTermLine> agingLines(String customerId, LocalDate asOf, Instant knownAt) {
        AgingReport report = queries.query(new AgingReportQuery(asOf, knownAt, customerId, null), ResponseTypes.instanceOf(AgingReport.class)).join();
        Map<String, AgingTermLine> lines = new LinkedHashMap<>();
        report.terms().forEach(line -> lines.put(line.invoiceId() + "\u0000" + line.termId(), line));
        return lines;
    }

    /** Days past due as the aging report counts them; a term the aging report does not show open is not past due. */
    private static long daysPastDue(Map<String, AgingTermLine> aging, AccountItem item) {
        AgingTermLine line = aging.get(item.invoiceId() + "\u0000" + item.termId());
        return line == null ? 0 : line.daysPastDue();
    }

    /** The customer as registered, at the correspondence address in force on the document's date. */
    private static Party recipient(CustomerDossier dossier) {
        CorrespondenceAddress address = dossier.correspondenceAddress();
        if (address == null) {
            return new Party("recipient", dossier.name(), dossier.registrationNumber(), null, null, null, null, null, null);
        }
        return new Party("recipient", dossier.name(), dossier.registrationNumber(), address.postalAddress(), address.postcode(),
                address.contactPerson(), address.contactPhone(), null, null);
    }

    /** The ledger's own party as recorded for the document's date; blank, and said to be missing, when none was. */
    private Party sender(LocalDate asOf, Instant knownAt) {
        LedgerParty party = queries.query(new LedgerPartyQuery(asOf, knownAt), ResponseTypes.instanceOf(LedgerParty.class)).join();
        if (party == null) {
            return Party.blank("sender");
        }
        return new Party("sender", party.name(), party.registrationNumber(), party.postalAddress(), party.postcode(), null, null,
                party.bankName(), party.bankAccount());
    }

    private static List<String> missing(Party sender, Party recipient) {
        return Stream.concat(sender.missing().stream(), recipient.missing().stream()).toList();
    }

    private static <T> Money sum(List<T> rows, Function<T, Money> amount, String currency) {
        return rows.stream().map(amount).reduce(Money.zero(currency), Money::plus);
    }

    private static String title(DocumentLanguage language, String chinese, String english) {
        return language.chinese() ? chinese : english;
    }
}
