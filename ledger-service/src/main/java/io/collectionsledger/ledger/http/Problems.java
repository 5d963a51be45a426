package io.collectionsledger.ledger.http;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.net.URI;

/**
 * The problem types of the API (RFC 9457). Each kind of error has one stable type URI; clients
 * branch on it, never on the wording of {@code detail}.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:collections-ledger:problem:";
    /** The request attribute naming the type of the last problem made for the request, for its log line. */
    static final String TYPE_ATTRIBUTE = Problems.class.getName() + ".type";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(TYPE_ATTRIBUTE, type, RequestAttributes.SCOPE_REQUEST);
        }
        return problem;
    }
}
