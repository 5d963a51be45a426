package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query answer is read from one snapshot of the database: while a read model commits batch
 * after batch, each changing several of a statement's items, the statement's items and its total
 * never disagree. (Read at READ COMMITTED, as before, 65 answers of 400 mixed two batches.)
 */
class OneSnapshotIT extends LedgerIT {

    private static final int READS = 400;
    private static final int TERMS = 10;

    @Test
    void aStatementsItemsAndTotalAlwaysAgreeWhileBatchesCommitBetweenItsStatements() throws Exception {
        register();
        String position = "0";
        for (int i = 1; i <= TERMS / 2; i++) {
            position = command("/customers/{c}/invoices", """
                    {"invoiceId": "INV-%d", "occurredOn": "2026-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
                     "terms": [{"termId": "T1", "amount": {"amount": "400.00", "currency": "CNY"}, "dueDate": "2026-10-01"},
                               {"termId": "T2", "amount": {"amount": "600.00", "currency": "CNY"}, "dueDate": "2026-11-01"}]}"""
                    .formatted(i)).getHeaders().getFirst(Headers.POSITION);
        }
        String awaited = position;
        assertThat(get("/customers/{c}/statement", h -> h.set(Headers.MIN_POSITION, awaited)).getBody().get("items")).hasSize(TERMS);

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger batches = new AtomicInteger();
        CompletableFuture<Void> readModel = CompletableFuture.runAsync(() -> commitBatches(reading, batches));
        List<String> disagreements = new ArrayList<>();
        try {
            for (int read = 0; read < READS; read++) {
                JsonNode statement = get("/customers/{c}/statement", h -> { }).getBody();
                BigDecimal items = BigDecimal.ZERO;
                for (JsonNode item : statement.get("items")) {
                    items = items.add(item.at("/open/amount").decimalValue());
                }
                BigDecimal total = statement.at("/totalOpen/0/amount").decimalValue();
                if (items.compareTo(total) != 0) {
                    disagreements.add("items " + items + ", total " + total);
                }
            }
        } finally {
            reading.set(false);
            readModel.get(30, TimeUnit.SECONDS);
        }

        assertThat(batches.get()).as("batches committed while the statement was read").isGreaterThan(READS / 4);
        assertThat(disagreements).as("answers whose items and total disagree, of " + READS).isEmpty();
    }

    /**
     * What a read model's batch does to the statement: late fees added to every term, one statement
     * per term, in one transaction; taken off again by the next batch, so the read model ends as it began.
     */
    private void commitBatches(AtomicBoolean reading, AtomicInteger batches) {
        try (Connection connection = FreshDatabase.dataSource().getConnection();
             PreparedStatement lateFees = connection.prepareStatement(
                     "update statement_term set late_fees = late_fees + ? where customer_id = ? and invoice_id = ? and term_id = ?")) {
            connection.setAutoCommit(false);
            BigDecimal fee = new BigDecimal("1.25");
            while (reading.get() || batches.get() % 2 == 1) {
                for (int i = 1; i <= TERMS / 2; i++) {
                    for (String term : List.of("T1", "T2")) {
                        lateFees.setBigDecimal(1, fee);
                        lateFees.setString(2, customer);
                        lateFees.setString(3, "INV-" + i);
                        lateFees.setString(4, term);
                        lateFees.executeUpdate();
                    }
                }
                connection.commit();
                batches.incrementAndGet();
                fee = fee.negate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
