package io.collectionsledger.examples.orderholds;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which customers have their new orders held, as the ledger says: held from {@code time.OrdersHeld}
 * until {@code time.OrdersReleased}. An ordering service asks it before it ships.
 *
 * <p>It keeps, per customer, the sequence number of the last event it applied. An event whose
 * sequence is not past it has been applied already, whether it comes again from the broker (a
 * re-send under the same message-id) or from both the ledger's history and the queue while the
 * consumer switches from one to the other; so every event is applied once, in the customer's order.
 * A consumer that keeps its view in a database keeps these sequences in the same transaction.
 */
public final class OrderHolds {

    static final String HELD = "time.OrdersHeld";
    static final String RELEASED = "time.OrdersReleased";

    /** A customer's hold: since when, and the term that was too long past due. */
    public record Hold(String customerId, LocalDate since, String invoiceId, String termId) {
    }

    private final Map<String, Hold> held = new TreeMap<>();
    private final Map<String, Long> lastSequence = new HashMap<>();
    private long applied;

    /**
     * Applies one event of the ledger unless it was applied before.
     *
     * @return whether it changed the view
     */
    public synchronized boolean apply(String type, String customerId, long sequence, JsonNode payload) {
        Long last = lastSequence.get(customerId);
        if (last != null && sequence <= last) {
            return false;
        }
        lastSequence.put(customerId, sequence);
        applied++;
        switch (type) {
            case HELD -> held.put(customerId, new Hold(customerId, LocalDate.parse(payload.path("occurredOn").asText()),
                    payload.path("invoiceId").asText(null), payload.path("termId").asText(null)));
            case RELEASED -> held.remove(customerId);
            default -> {
                // another kind of fact: nothing to do here, but its sequence still counts
            }
        }
        return true;
    }

    /** The customers whose orders are held now. */
    public synchronized Map<String, Hold> held() {
        return Collections.unmodifiableMap(new TreeMap<>(held));
    }

    public synchronized boolean isHeld(String customerId) {
        return held.containsKey(customerId);
    }

    /** How many events were applied (each once). */
    public synchronized long applied() {
        return applied;
    }
}
