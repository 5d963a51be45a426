package io.collectionsledger.ledger.documents;

import io.collectionsledger.ledger.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

/**
 * A letter the ledger made was not sent: it lacks a party's details, or rendered again it is not
 * the draft it names. Nothing was recorded or kept.
 */
public class DocumentRefused extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<String> missing;

    private DocumentRefused(HttpStatus status, String type, String title, String detail, List<String> missing) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.missing = missing;
    }

    /** The sender's or the recipient's details the letter needs and the ledger does not hold, named as Ledger-Document-Missing names them. */
    static DocumentRefused incomplete(List<String> missing) {
        return new DocumentRefused(HttpStatus.UNPROCESSABLE_ENTITY, "letter-incomplete", "Letter incomplete",
                "the letter lacks " + String.join(", ", missing) + ": record them (the customer's correspondence address, "
                        + "the ledger's own party) and make the draft again", List.copyOf(missing));
    }

    /** The templates changed since the draft was made: the same inputs no longer render the same bytes. */
    static DocumentRefused templateChanged(String draft, String current) {
        return new DocumentRefused(HttpStatus.CONFLICT, "template-changed", "Template changed",
                "the draft was made with " + draft + "; the ledger now renders letters with " + current + ": make the draft again", null);
    }

    /** Rendered again from the same inputs, the letter is not the draft: the facts as known then differ from what the draft saw. */
    static DocumentRefused documentChanged(String draft, String now) {
        return new DocumentRefused(HttpStatus.CONFLICT, "document-changed", "Document changed",
                "the draft's SHA-256 is " + draft + ", the letter rendered again from the same inputs is " + now
                        + ": a fact the draft did not see was recorded, or history was corrected; make the draft again and review it", null);
    }

    /** The command says otherwise than the draft it names (an amount, the invoices, the level). */
    static DocumentRefused differsFromDraft(String detail) {
        return new DocumentRefused(HttpStatus.UNPROCESSABLE_ENTITY, "letter-differs-from-draft", "Letter differs from its draft", detail, null);
    }

    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(status, type, title, getMessage());
        if (missing != null) {
            problem.setProperty("missing", missing);
        }
        return problem;
    }
}
