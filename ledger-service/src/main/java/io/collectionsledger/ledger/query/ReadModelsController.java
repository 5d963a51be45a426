package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.journal.Journal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
 * The read models and where they stand, and their rebuild from the start of the stream into new
 * tables, which replace the live ones once they have caught up ({@link ReadModelRebuilds}); the live
 * ones answer meanwhile. Any instance may be asked; the one asked does the work.
 */
@RestController
@Tag(name = "Administration")
class ReadModelsController {

    private final EventProcessingConfiguration processing;
    private final ReadModelPositions positions;
    private final Journal journal;
    private final ReadModelRebuilds rebuilds;

    ReadModelsController(EventProcessingConfiguration processing, ReadModelPositions positions, Journal journal, ReadModelRebuilds rebuilds) {
        this.processing = processing;
        this.positions = positions;
        this.journal = journal;
        this.rebuilds = rebuilds;
    }

    /**
     * Segment positions are global indexes of the journal; 0 for a segment that has processed nothing yet.
     * They are the live tables'; a rebuild under way says how far it has read the journal into its new ones.
     */
    record ReadModel(String name, Map<Integer, Long> segments, long journalHead, boolean caughtUp, boolean replaying,
                     boolean rebuilding, Long rebuildPosition) {
    }

    @GetMapping(value = "/admin/read-models", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every read model with the position of each of its segments, whether it has caught up with the journal, "
            + "and how far a rebuild under way has read the journal")
    List<ReadModel> readModels() {
        Map<String, Long> rebuilding = rebuilds.underWay();
        long head = journal.head();
        return processing.eventProcessors().entrySet().stream().filter(processor -> isReadModel(processor.getValue()))
                .map(Map.Entry::getKey).sorted().map(name -> {
            Map<Integer, Long> segments = positions.segmentPositions(name);
            boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(position -> position >= head);
            // Axon keeps a segment in replay until it handles an event newer than the reset, so a
            // replay that has reached the head of a quiet journal still says it is replaying.
            boolean replaying = !caughtUp && processor(name).processingStatus().values().stream().anyMatch(status -> status.isReplaying());
            return new ReadModel(name, segments, head, caughtUp, replaying, rebuilding.containsKey(name), rebuilding.get(name));
        }).toList();
    }

    @PostMapping(value = "/admin/read-models/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every read model from the start of the event stream, reading it once for all, into new tables "
            + "that replace the live ones when they have caught up; the live ones answer meanwhile. A read model already "
            + "being rebuilt is left to that rebuild. Follow it with GET /admin/read-models")
    List<ReadModel> rebuildAll() {
        List<String> names = readModels().stream().map(ReadModel::name).toList();
        rebuilds.start(names);
        return readModels();
    }

    @PostMapping(value = "/admin/read-models/{name}/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a read model from the start of the event stream into new tables that replace the live ones "
            + "when they have caught up; the live ones answer meanwhile. Follow it with GET /admin/read-models")
    ReadModel rebuild(@PathVariable String name) {
        processor(name);
        rebuilds.start(List.of(name));
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
