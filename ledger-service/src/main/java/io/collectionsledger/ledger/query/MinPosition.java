package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.http.Printable;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.util.NumberUtils;

/**
 * Read your writes: the position a command was answered with ({@code Ledger-Position}), sent back
 * as {@code Ledger-Min-Position} so that a report answers only once its read model has processed
 * it, waiting at most as long as {@code Prefer: wait=N} asks. Hidden from springdoc, which would
 * describe it as one object: {@link QueryParameters} describes its two headers.
 *
 * @param position the position, null when the caller named none
 * @param prefer   the request's {@code Prefer} headers, as {@link ReadModelPositions} reads them
 */
@Hidden
record MinPosition(Long position, String prefer) {

    static MinPosition of(String position, String prefer) {
        if (position == null || position.isEmpty()) {
            return new MinPosition(null, prefer);
        }
        Long parsed;
        try {
            parsed = NumberUtils.parseNumber(position, Long.class);
        } catch (NumberFormatException e) {
            parsed = null;
        }
        if (parsed == null || parsed < 0) {
            throw new InvalidQuery(Headers.MIN_POSITION + ": the " + Headers.POSITION + " of an answer, such as 42; got "
                    + (position.length() <= StrictParameters.MAX_LENGTH && Printable.text(position) ? position : "something else"));
        }
        return new MinPosition(parsed, prefer);
    }
}
