package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.journal.Journal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The read models and where they stand, and their rebuild from the start of the stream. A
 * rebuild resets the processor's tokens, whose reset handler empties the read model's tables;
 * the processor then replays every event. Run it where one instance holds the processor (or
 * stop it on the others first): a token claimed elsewhere cannot be reset.
 */
@RestController
@Tag(name = "Administration")
class ReadModelsController {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsController.class);

    private final EventProcessingConfiguration processing;
    private final ReadModelPositions positions;
    private final Journal journal;

    ReadModelsController(EventProcessingConfiguration processing, ReadModelPositions positions, Journal journal) {
        this.processing = processing;
        this.positions = positions;
        this.journal = journal;
    }

    /** Segment positions are global indexes of the journal; 0 for a segment that has processed nothing yet. */
    record ReadModel(String name, Map<Integer, Long> segments, long journalHead, boolean caughtUp, boolean replaying) {
    }

    @GetMapping(value = "/admin/read-models", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every read model with the position of each of its segments and whether it has caught up with the journal")
    List<ReadModel> readModels() {
        long head = journal.head();
        return processing.eventProcessors().entrySet().stream().filter(processor -> isReadModel(processor.getValue()))
                .map(Map.Entry::getKey).sorted().map(name -> {
            Map<Integer, Long> segments = positions.segmentPositions(name);
            boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(position -> position >= head);
            // Axon keeps a segment in replay until it handles an event newer than the reset, so a
            // replay that has reached the head of a quiet journal still says it is replaying.
            boolean replaying = !caughtUp && processor(name).processingStatus().values().stream().anyMatch(status -> status.isReplaying());
            return new ReadModel(name, segments, head, caughtUp, replaying);
        }).toList();
    }

    @PostMapping(value = "/admin/read-models/{name}/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a read model from the start of the event stream; follow it with GET /admin/read-models")
    ReadModel rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        log.info("rebuilding read model {} from the start of the stream", name);
        processor.shutdownAsync().join();
        processor.resetTokens();
        processor.start();
        return readModels().stream().filter(model -> model.name().equals(name)).findFirst().orElseThrow();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).filter(ReadModelsController::isReadModel)
                .orElseThrow(() -> new UnknownReadModel(name));
    }

    /** A processor whose handlers allow a replay; the publisher (ledger.publication) refuses one and is never rebuilt. */
    private static boolean isReadModel(EventProcessor processor) {
        return processor instanceof StreamingEventProcessor streaming && streaming.supportsReset();
    }
}
