package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.lookup.AssetLead;
import io.collectionsledger.contracts.lookup.Contract;
import io.collectionsledger.contracts.lookup.CustomerFile;
import io.collectionsledger.contracts.lookup.CustomerPage;
import io.collectionsledger.contracts.lookup.CustomerRecords;
import io.collectionsledger.contracts.lookup.CustomerRecordsQuery;
import io.collectionsledger.contracts.lookup.CustomersQuery;
import io.collectionsledger.contracts.lookup.CustomersQuery.CustomerOrder;
import io.collectionsledger.contracts.lookup.Delivery;
import io.collectionsledger.contracts.lookup.Dispute;
import io.collectionsledger.contracts.lookup.Guarantee;
import io.collectionsledger.contracts.lookup.Invoice;
import io.collectionsledger.contracts.lookup.LegalCase;
import io.collectionsledger.contracts.lookup.Letter;
import io.collectionsledger.contracts.lookup.Payment;
import io.collectionsledger.contracts.lookup.Plan;
import io.collectionsledger.contracts.lookup.Promise;
import io.collectionsledger.contracts.lookup.RecordList;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.projections.lookup.CustomerCursor;
import io.collectionsledger.projections.lookup.CustomerLookupProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ExtendedServletRequestDataBinder;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What was recorded, read back: the customers a page at a time, a customer's file, and each kind
 * of its records in a list or one by one, as of a business date and as known at a time. Read by
 * the read roles and by the services that recorded the facts; lists answer CSV too.
 */
@RestController
@Tag(name = "Records")
class LookupController {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private static final String GROUP = CustomerLookupProjection.PROCESSING_GROUP;
    private static final String JSON_OR_CSV = "Accept: text/csv gives one row per record.";

    /**
     * One kind of record: its path under the customer, what the 404 says of an id it does not
     * hold, where the fold keeps it, its id, and its CSV row.
     */
    record Kind<T>(String path, String what, Function<CustomerRecords, List<T>> records, Function<T, String> id,
                   List<String> header, Function<T, List<?>> row) {

        String problem() {
            return "unknown-" + what.replace(' ', '-');
        }
    }

    static final Kind<Contract> CONTRACTS = new Kind<>("contracts", "contract", CustomerRecords::contracts, Contract::contractId,
            List.of("contractId", "occurredOn", "recordedAt", "validity", "paymentTerms", "dailyRatePercent", "capPercentOfPrincipal",
                    "debtorBearsCollectionCosts", "forum", "forumBody", "documentRef"),
            c -> Arrays.asList(c.contractId(), c.occurredOn(), c.recordedAt(),
                    joined(c.validity(), v -> v.kind() + " " + v.documentRef()),
                    joined(c.paymentTerms(), t -> t.termId() + " " + t.percent().toPlainString() + "% " + t.trigger() + " +" + t.days()),
                    c.lateFees() == null ? null : c.lateFees().dailyRatePercent(),
                    c.lateFees() == null ? null : c.lateFees().capPercentOfPrincipal(),
                    c.lateFees() == null ? null : c.lateFees().debtorBearsCollectionCosts(),
                    c.disputeClause() == null ? null : c.disputeClause().forum(),
                    c.disputeClause() == null ? null : c.disputeClause().body(), c.documentRef()));

    static final Kind<Delivery> DELIVERIES = new Kind<>("deliveries", "delivery", CustomerRecords::deliveries, Delivery::deliveryId,
            List.of("deliveryId", "occurredOn", "recordedAt", "kind", "contractId", "description", "value", "currency", "signedBy",
                    "signedOn", "receiptRef", "missingReceiptReason", "corrections"),
            d -> {
                DeliveryDetails now = d.details();
                return Arrays.asList(d.deliveryId(), d.occurredOn(), d.recordedAt(), now.kind(), now.contractId(), now.description(),
                        now.value() == null ? null : now.value().amount(), now.value() == null ? null : now.value().currency(),
                        now.signedReceipt() == null ? null : now.signedReceipt().signedBy(),
                        now.signedReceipt() == null ? null : now.signedReceipt().signedOn(),
                        now.signedReceipt() == null ? null : now.signedReceipt().documentRef(), now.missingReceiptReason(),
                        d.corrections().size());
            });

    static final Kind<Invoice> INVOICES = new Kind<>("invoices", "invoice", CustomerRecords::invoices, Invoice::invoiceId,
            List.of("invoiceId", "contractId", "occurredOn", "recordedAt", "currency", "amount", "open", "overdue", "lateFeesOpen",
                    "disputed", "receivableClass", "dueDates", "creditNotes", "writeOffs"),
            i -> Arrays.asList(i.invoiceId(), i.contractId(), i.occurredOn(), i.recordedAt(), i.amount().currency(), i.amount().amount(),
                    i.open().amount(), i.overdue().amount(), i.lateFeesOpen().amount(), i.disputed().amount(), i.receivableClass(),
                    joined(i.terms(), t -> t.termId() + " " + t.dueDate()), i.creditNotes().size(), i.writeOffs().size()));

    static final Kind<Payment> PAYMENTS = new Kind<>("payments", "payment", CustomerRecords::payments, Payment::paymentId,
            List.of("paymentId", "occurredOn", "recordedAt", "currency", "amount", "method", "reference", "allocated", "unapplied",
                    "reversedOn", "reversalReason"),
            p -> Arrays.asList(p.paymentId(), p.occurredOn(), p.recordedAt(), p.amount().currency(), p.amount().amount(), p.method(),
                    p.reference(), p.allocations().stream().map(a -> a.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add),
                    p.unapplied().amount(), p.reversal() == null ? null : p.reversal().occurredOn(),
                    p.reversal() == null ? null : p.reversal().reason()));

    static final Kind<Promise> PROMISES = new Kind<>("payment-promises", "promise", CustomerRecords::promises, Promise::promiseId,
            List.of("promiseId", "occurredOn", "recordedAt", "currency", "amount", "promisedDate", "form", "collector", "invoiceIds",
                    "outcome", "received"),
            p -> Arrays.asList(p.promiseId(), p.occurredOn(), p.recordedAt(), p.amount().currency(), p.amount().amount(),
                    p.promisedDate(), p.form(), p.collector(), String.join(" ", p.invoiceIds()), p.outcome(),
                    p.outcomes().isEmpty() ? null : p.outcomes().get(p.outcomes().size() - 1).received().amount()));

    static final Kind<Plan> PLANS = new Kind<>("payment-plans", "plan", CustomerRecords::plans, Plan::planId,
            List.of("planId", "occurredOn", "recordedAt", "invoiceIds", "currency", "open", "installments", "documentRef"),
            p -> Arrays.asList(p.planId(), p.occurredOn(), p.recordedAt(), String.join(" ", p.invoiceIds()), p.open().currency(),
                    p.open().amount(), p.installments().size(), p.documentRef()));

    static final Kind<Dispute> DISPUTES = new Kind<>("disputes", "dispute", CustomerRecords::disputes, Dispute::disputeId,
            List.of("disputeId", "invoiceId", "occurredOn", "recordedAt", "currency", "amount", "reason", "description", "resolvedOn",
                    "resolution"),
            d -> Arrays.asList(d.disputeId(), d.invoiceId(), d.occurredOn(), d.recordedAt(), d.amount().currency(), d.amount().amount(),
                    d.reason(), d.description(), d.resolution() == null ? null : d.resolution().occurredOn(),
                    d.resolution() == null ? null : d.resolution().resolution()));

    static final Kind<Letter> LETTERS = new Kind<>("dunning-letters", "letter", CustomerRecords::letters, Letter::letterId,
            List.of("letterId", "occurredOn", "recordedAt", "level", "invoiceIds", "currency", "amountDemanded", "lateFeesDemanded",
                    "deadline", "courier", "waybill", "deliveredOn", "receivedBy", "proofRef"),
            l -> Arrays.asList(l.letterId(), l.occurredOn(), l.recordedAt(), l.level(), String.join(" ", l.invoiceIds()),
                    l.amountDemanded().currency(), l.amountDemanded().amount(), l.lateFeesDemanded().amount(), l.deadline(),
                    l.courier(), l.waybill(), l.delivery() == null ? null : l.delivery().occurredOn(),
                    l.delivery() == null ? null : l.delivery().receivedBy(), l.delivery() == null ? null : l.delivery().proofRef()));

    static final Kind<Guarantee> GUARANTEES = new Kind<>("guarantees", "guarantee", CustomerRecords::guarantees, Guarantee::guaranteeId,
            List.of("guaranteeId", "occurredOn", "recordedAt", "kind", "guarantor", "currency", "amountCovered", "registrationRef",
                    "documentRef"),
            g -> Arrays.asList(g.guaranteeId(), g.occurredOn(), g.recordedAt(), g.kind(), g.guarantor(),
                    g.amountCovered() == null ? null : g.amountCovered().currency(),
                    g.amountCovered() == null ? null : g.amountCovered().amount(), g.registrationRef(), g.documentRef()));

    static final Kind<AssetLead> ASSET_LEADS = new Kind<>("asset-leads", "asset lead", CustomerRecords::assetLeads, AssetLead::leadId,
            List.of("leadId", "occurredOn", "recordedAt", "kind", "description", "source"),
            a -> Arrays.asList(a.leadId(), a.occurredOn(), a.recordedAt(), a.kind(), a.description(), a.source()));

    static final Kind<LegalCase> LEGAL_CASES = new Kind<>("legal-cases", "case", CustomerRecords::legalCases, LegalCase::caseId,
            List.of("caseId", "occurredOn", "recordedAt", "forum", "body", "invoiceIds", "currency", "claimAmount",
                    "preservationRequested", "closed", "steps"),
            c -> Arrays.asList(c.caseId(), c.occurredOn(), c.recordedAt(), c.forum(), c.body(), String.join(" ", c.invoiceIds()),
                    c.claimAmount().currency(), c.claimAmount().amount(), c.preservationRequested(), c.closed(),
                    joined(c.steps(), s -> s.occurredOn() + " " + s.step())));

    private static final Map<String, Kind<?>> KINDS = Stream.of(CONTRACTS, DELIVERIES, INVOICES, PAYMENTS, PROMISES, PLANS, DISPUTES,
            LETTERS, GUARANTEES, ASSET_LEADS, LEGAL_CASES).collect(Collectors.toMap(Kind::path, Function.identity()));

    /** Each list as CSV, laid out by its kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Csv.Export<RecordList> RECORDS_CSV = new Csv.Export<>(RecordList.class,
            list -> list.customerId() + "-" + list.kind() + "-" + list.asOf() + ".csv",
            list -> KINDS.get(list.kind()).header(),
            list -> ((List<Object>) list.records()).stream().map(record -> ((Function<Object, List<?>>) (Function) KINDS.get(list.kind()).row())
                    .apply(record)));

    /** One row per customer; what it owes is one cell per currency it owes in, such as "CNY 1200.00". */
    static final Csv.Export<CustomerPage> CUSTOMERS_CSV = new Csv.Export<>(CustomerPage.class,
            page -> "customers-" + page.asOf() + ".csv",
            page -> List.of("customerId", "name", "collector", "tier", "receivableClasses", "open"),
            page -> page.customers().stream().map(line -> Arrays.asList(line.customerId(), line.name(), line.collector(), line.tier(),
                    joined(line.receivableClasses(), ReceivableClass::name),
                    joined(line.open(), money -> money.currency() + " " + money.amount().toPlainString()))));

    private final ReadModelQueries readModels;

    LookupController(ReadModelQueries readModels) {
        this.readModels = readModels;
    }

    // ------------------------------------------------------------------ customers

    /**
     * What a list of customers is filtered and sorted by, the same for a page and for an export.
     * Bound from the query string alone ({@link #queryStringOnly}).
     */
    record CustomerFilter(
            @Parameter(description = "Contained in the registered name, ignoring case") String name,
            @Parameter(description = "The collector assigned") String collector,
            @Parameter(description = "The reminder tier assigned") ReminderTier tier,
            @Parameter(description = "Customers with an open invoice of this class") ReceivableClass receivableClass,
            @Parameter(description = "NAME (default), or OPEN_AMOUNT: the largest principal open in the currency first") CustomerOrder sort,
            @Parameter(description = "The currency OPEN_AMOUNT sorts by, such as CNY") String currency) {
    }

    /** Spring binds a header named like a field of a filter too (Spring 6.2); a filter is the query string's. */
    @InitBinder
    void queryStringOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder request) {
            request.setHeaderPredicate(header -> false);
        }
    }

    @GetMapping(value = "/customers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customers, a page at a time, as of a business date (default today) and as known at a time (default now). "
            + "Filters: name (contained in the registered name, ignoring case), collector, tier, receivableClass (a customer with an "
            + "open invoice of that class). sort=NAME (default) or OPEN_AMOUNT, the largest principal open in the currency named first. "
            + "limit per page (default 100, at most 1000); after = the previous page's nextAfter. Accept: text/csv exports every customer that matches.")
    CustomerPage customers(AsOf asOf,
                           @ParameterObject CustomerFilter filter,
                           @RequestParam(required = false) String after,
                           @RequestParam(required = false) Integer limit,
                           MinPosition minPosition) {
        if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
            throw new InvalidQuery("limit: from 1 to " + MAX_PAGE + " customers a page; got " + limit);
        }
        return page(asOf, filter, after, limit == null ? DEFAULT_PAGE : limit, minPosition);
    }

    /** An export is every customer that matches, never a page. */
    @GetMapping(value = "/customers", produces = Csv.MEDIA_TYPE)
    CustomerPage customersCsv(AsOf asOf, @ParameterObject CustomerFilter filter, MinPosition minPosition) {
        return page(asOf, filter, null, null, minPosition);
    }

    private CustomerPage page(AsOf asOf, CustomerFilter filter, String after, Integer limit, MinPosition minPosition) {
        CustomerOrder order = filter.sort() == null ? CustomerOrder.NAME : filter.sort();
        String currency = filter.currency();
        if (currency != null) {
            try {
                Money.decimalsOf(currency);
            } catch (InvalidValue e) {
                throw new InvalidQuery("currency: " + e.getMessage() + "; got " + currency);
            }
        } else if (order == CustomerOrder.OPEN_AMOUNT) {
            throw new InvalidQuery("currency: required when sort is OPEN_AMOUNT, such as CNY");
        }
        if (after != null && CustomerCursor.read(after, order).isEmpty()) {
            throw new InvalidQuery("after: the nextAfter of a page in the same sort; got " + after);
        }
        CustomersQuery query = new CustomersQuery(asOf.date(), asOf.knownAt(), blankless(filter.name()), blankless(filter.collector()),
                filter.tier(), filter.receivableClass(), order, currency, after, limit);
        return readModels.ask(GROUP, null, minPosition, query, CustomerPage.class);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @GetMapping(value = "/customers/{customerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer's file: credit file, collector and tier, credit limit, supply, classes of its open invoices, "
            + "principal open and overdue, late fees, disputed and unapplied credit per currency, and the counts of open promises, "
            + "open disputes, letters and legal cases; as of a business date, as known at a time")
    CustomerFile customer(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return records(customerId, asOf, minPosition).file();
    }

    // ------------------------------------------------------------------ records, by kind

    @GetMapping(value = "/customers/{customerId}/contracts", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The customer's contracts: validity evidence, payment terms, late-fee terms, dispute clause. " + JSON_OR_CSV)
    RecordList<Contract> contracts(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(CONTRACTS, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/contracts/{contractId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One contract of the customer")
    Contract contract(@PathVariable String customerId, @PathVariable String contractId, AsOf asOf, MinPosition minPosition) {
        return one(CONTRACTS, customerId, contractId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/deliveries", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The customer's deliveries as they stand, each with its original details and its corrections. " + JSON_OR_CSV)
    RecordList<Delivery> deliveries(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(DELIVERIES, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/deliveries/{deliveryId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One delivery of the customer, with its corrections beside the original")
    Delivery delivery(@PathVariable String customerId, @PathVariable String deliveryId, AsOf asOf, MinPosition minPosition) {
        return one(DELIVERIES, customerId, deliveryId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/invoices", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The customer's invoices: terms with due dates and what is open on each, allocations received, credit notes, "
            + "disputes, late fees, write-offs, recoveries. " + JSON_OR_CSV)
    RecordList<Invoice> invoices(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(INVOICES, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/invoices/{invoiceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One invoice of the customer and what happened to it")
    Invoice invoice(@PathVariable String customerId, @PathVariable String invoiceId, AsOf asOf, MinPosition minPosition) {
        return one(INVOICES, customerId, invoiceId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/payments", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The customer's payments: allocations, the unapplied part, the reversal. " + JSON_OR_CSV)
    RecordList<Payment> payments(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(PAYMENTS, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/payments/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One payment of the customer")
    Payment payment(@PathVariable String customerId, @PathVariable String paymentId, AsOf asOf, MinPosition minPosition) {
        return one(PAYMENTS, customerId, paymentId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/payment-promises", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The customer's promises to pay, each with the outcome that stands and every judgement and correction. " + JSON_OR_CSV)
    RecordList<Promise> promises(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(PROMISES, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/payment-promises/{promiseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One promise to pay of the customer")
    Promise promise(@PathVariable String customerId, @PathVariable String promiseId, AsOf asOf, MinPosition minPosition) {
        return one(PROMISES, customerId, promiseId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/payment-plans", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The customer's payment plans, with what is open on each installment. " + JSON_OR_CSV)
    RecordList<Plan> plans(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(PLANS, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/payment-plans/{planId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One payment plan of the customer")
    Plan plan(@PathVariable String customerId, @PathVariable String planId, AsOf asOf, MinPosition minPosition) {
        return one(PLANS, customerId, planId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/disputes", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The customer's disputes and their resolutions. " + JSON_OR_CSV)
    RecordList<Dispute> disputes(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(DISPUTES, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/disputes/{disputeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One dispute of the customer")
    Dispute dispute(@PathVariable String customerId, @PathVariable String disputeId, AsOf asOf, MinPosition minPosition) {
        return one(DISPUTES, customerId, disputeId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/dunning-letters", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The dunning letters sent to the customer, with the courier's proof of delivery. " + JSON_OR_CSV)
    RecordList<Letter> letters(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(LETTERS, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/dunning-letters/{letterId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One dunning letter sent to the customer")
    Letter letter(@PathVariable String customerId, @PathVariable String letterId, AsOf asOf, MinPosition minPosition) {
        return one(LETTERS, customerId, letterId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/guarantees", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The guarantees and collateral obtained from the customer. " + JSON_OR_CSV)
    RecordList<Guarantee> guarantees(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(GUARANTEES, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/guarantees/{guaranteeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One guarantee of the customer")
    Guarantee guarantee(@PathVariable String customerId, @PathVariable String guaranteeId, AsOf asOf, MinPosition minPosition) {
        return one(GUARANTEES, customerId, guaranteeId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/asset-leads", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The asset leads collected on the customer. " + JSON_OR_CSV)
    RecordList<AssetLead> assetLeads(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(ASSET_LEADS, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/asset-leads/{leadId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One asset lead on the customer")
    AssetLead assetLead(@PathVariable String customerId, @PathVariable String leadId, AsOf asOf, MinPosition minPosition) {
        return one(ASSET_LEADS, customerId, leadId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/legal-cases", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The lawsuits and arbitrations against the customer, with their steps. " + JSON_OR_CSV)
    RecordList<LegalCase> legalCases(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return list(LEGAL_CASES, customerId, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/legal-cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One legal case against the customer, with its steps")
    LegalCase legalCase(@PathVariable String customerId, @PathVariable String caseId, AsOf asOf, MinPosition minPosition) {
        return one(LEGAL_CASES, customerId, caseId, asOf, minPosition);
    }

    // ------------------------------------------------------------------

    /**
     * The customer's records; 404 unknown-customer when the journal did not know it at {@code knownAt},
     * or knew it registered with a business date after {@code asOf}.
     */
    private CustomerRecords records(String customerId, AsOf asOf, MinPosition minPosition) {
        CustomerRecords records = readModels.askAbout(customerId, asOf.knownAt(), GROUP, minPosition,
                new CustomerRecordsQuery(customerId, asOf.date(), asOf.knownAt()), CustomerRecords.class);
        if (records == null) {
            throw new UnknownCustomer(customerId, asOf.date(), asOf.knownAt());
        }
        return records;
    }

    private <T> RecordList<T> list(Kind<T> kind, String customerId, AsOf asOf, MinPosition minPosition) {
        return new RecordList<>(customerId, asOf.date(), asOf.knownAt(), kind.path(), kind.records().apply(records(customerId, asOf, minPosition)));
    }

    private <T> T one(Kind<T> kind, String customerId, String id, AsOf asOf, MinPosition minPosition) {
        return kind.records().apply(records(customerId, asOf, minPosition)).stream().filter(record -> kind.id().apply(record).equals(id))
                .findFirst().orElseThrow(() -> new UnknownRecord(kind.problem(), kind.what(), id, customerId, asOf.date(), asOf.knownAt()));
    }

    private static <T> String joined(List<T> values, Function<T, String> text) {
        return values.stream().map(text).collect(Collectors.joining("; "));
    }
}
