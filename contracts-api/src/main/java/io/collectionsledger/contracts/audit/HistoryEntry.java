package io.collectionsledger.contracts.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One fact in a history, as an auditor reads it.
 *
 * @param globalIndex   its place in the journal; also the paging cursor
 * @param type          the event's logical type name, e.g. {@code payment.PaymentRecorded}, for events stored under
 *                      their class name before logical names too
 * @param aggregateId   the customer account it belongs to
 * @param sequence      its sequence number within the account
 * @param occurredOn    the business date it happened
 * @param recordedAt    when the ledger recorded it
 * @param principal     who recorded it
 * @param clientId      the service that sent the command
 * @param commandId     the command that caused it
 * @param correlationId the business operation it belongs to
 * @param payload       the event as stored
 * @param hash          its hash in the chain, or null if the chainer has not reached it yet
 */
public record HistoryEntry(long globalIndex, String eventId, String type, String revision, String aggregateId, long sequence,
                           LocalDate occurredOn, Instant recordedAt, String principal, String clientId, String commandId,
                           String correlationId, Map<String, Object> payload, String hash) {
}
