package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.shared.AccountCommand;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.collectionsledger.ledger.account.InMemoryAccounts.SNAPSHOTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: an account read from its snapshot is the account its events make, every part of it,
 * so a command decides on the same state either way.
 */
class AccountSnapshotsTest {

    private static final CustomerAccount SOURCED = richAccount();

    @Test
    void everyPartOfAnAccountReadsBackFromItsSnapshotAsItsEventsMadeIt() {
        CustomerAccount read = SNAPSHOTS.deserialize(InMemoryAccounts.written(SOURCED));

        assertThat(read).usingRecursiveComparison()
                .withStrictTypeChecking()
                // memos and the count of changes they are kept by: rebuilt when asked
                .ignoringFieldsOfTypes(Derived.class)
                .ignoringFieldsMatchingRegexes("(.*\\.)?changes")
                .isEqualTo(SOURCED);
    }

    /** The parts consult one another: read from a snapshot, each still consults the same invoices, payments and cases as the account. */
    @Test
    void thePartsOfAnAccountReadFromItsSnapshotShareTheirInvoicesPaymentsAndCases() throws IllegalAccessException {
        CustomerAccount read = SNAPSHOTS.deserialize(InMemoryAccounts.written(SOURCED));

        Map<Class<?>, Object> parts = new HashMap<>();
        for (Field field : CustomerAccount.class.getDeclaredFields()) {
            if (!field.getType().equals(String.class)) {
                field.setAccessible(true);
                parts.put(field.getType(), field.get(read));
            }
        }
        List<String> links = new ArrayList<>();
        for (Object part : new ArrayList<>(parts.values())) {
            linksOf(part, parts, links);
        }
        assertThat(links).as("a part's link to another part").isNotEmpty().allMatch(link -> link.endsWith("the account's own"));
    }

    /** What the snapshot holds is readable JSON, with no memo in it: a memo is rebuilt from the state when first asked. */
    @Test
    void aSnapshotIsReadableJsonOfTheStateAlone() throws Exception {
        SerializedObject<byte[]> written = InMemoryAccounts.written(SOURCED);
        String json = new String(written.getData(), StandardCharsets.UTF_8);
        JsonNode snapshot = new ObjectMapper().readTree(json);

        assertThat(written.getType().getName()).isEqualTo(CustomerAccount.class.getName());
        assertThat(written.getType().getRevision()).isEqualTo("1");
        assertThat(fieldNames(snapshot)).containsExactlyInAnyOrder("customerId", "contracts", "invoices", "disputes", "payments", "legalCases",
                "promises", "dunningLetters", "evidence", "creditFile");
        assertThat(json).doesNotContain("nextStageChange", "accruingLateFees", "firstFeeDayDue", "longOverdue", "\"changes\"");
        assertThat(fieldNames(snapshot.at("/invoices/creditNotes"))).containsExactly("used");
        JsonNode term = snapshot.at("/invoices/invoices/INV-1/terms/ACC");
        // the whole shape is SnapshotShapeTest's
        assertThat(fieldNames(term)).contains("invoiceId", "termId", "dueDate", "principal", "open", "principalChanges", "openChanges",
                "stagesEntered", "lateFeesAccrued", "accruedThrough");
        assertThat(term.at("/open/LATE_FEES/amount").decimalValue()).isPositive();
        System.out.printf("AccountSnapshotsTest: the rich account's snapshot takes %,d bytes%n", written.getData().length);
    }

    /** The history leaves something in every part, late fees and their correction, stages, holds and a raise among them. */
    @Test
    void theRichAccountRecordsWhatTheClosesAndTheLedgerProduce() {
        InMemoryAccounts accounts = new InMemoryAccounts();
        RichAccount.commands().forEach(accounts::send);

        Set<String> recorded = accounts.events().stream().map(Message::getPayloadType).map(Class::getSimpleName).collect(Collectors.toSet());

        assertThat(recorded).contains("LateFeesAccrued", "LateFeesCorrected", "CollectionStageReached", "OrdersHeld", "CreditLimitRaised",
                "PaymentPromiseKept", "UnappliedCreditApplied", "PaymentReversed", "PaymentPlanAgreed", "ReceivableWrittenOff",
                "RecoveryAfterWriteOffRecorded", "DisputeResolved", "DunningLetterDelivered", "LegalStepRecorded", "SupplySuspended");
    }

    private static CustomerAccount richAccount() {
        InMemoryAccounts accounts = new InMemoryAccounts();
        for (AccountCommand command : RichAccount.commands()) {
            assertThat(accounts.send(command)).as("%s", command).isInstanceOf(List.class);
        }
        return accounts.sourced();
    }

    /** Each field a part does not store (@JsonIgnore) that holds another part, as "Part.field: the account's own" or not. */
    private static void linksOf(Object part, Map<Class<?>, Object> parts, List<String> links) throws IllegalAccessException {
        for (Field field : part.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class) && parts.containsKey(field.getType())) {
                field.setAccessible(true);
                Object linked = field.get(part);
                links.add(part.getClass().getSimpleName() + "." + field.getName() + ": "
                        + (linked == parts.get(field.getType()) ? "the account's own" : "another"));
            } else if (field.getType().equals(CreditLimitRaises.class) || field.getType().equals(OrderHolds.class)) {
                field.setAccessible(true);
                linksOf(field.get(part), parts, links);
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
