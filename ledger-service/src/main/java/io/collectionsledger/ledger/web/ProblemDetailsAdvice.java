package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.collectionsledger.ledger.account.StaleVersion;
import io.collectionsledger.ledger.http.DatabaseUnavailable;
import io.collectionsledger.ledger.http.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Map;

/** Every error leaves as an RFC 9457 problem detail with a stable type. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** Every failure of a command, single or imported, is said the same way: see {@link CommandProblems}. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> commandFailed(Exception e) {
        ProblemDetail problem = CommandProblems.of(e);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (e instanceof StaleVersion stale) {
            response.eTag("\"" + stale.current() + "\"");
        }
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER);
        }
        return response.body(problem);
    }

    /** Framework errors (unknown route, wrong method or media type, unreadable body) get stable types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (ex instanceof HttpMessageNotReadableException unreadable
                && unreadable.getCause() instanceof JsonProcessingException json) {
            problem = CommandProblems.unreadable(json);
        } else if (ex instanceof HttpMessageNotReadableException) {
            problem = Problems.of(status, "malformed-json", "Malformed JSON", "the body must be a JSON object");
        } else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            problem = Problems.of(status, "not-found", "Not Found", "nothing is served at " + path(request));
        } else {
            String detail = body instanceof ProblemDetail given ? given.getDetail() : ex.getMessage();
            String type = FRAMEWORK_TYPES.getOrDefault(status.value(), "http-" + status.value());
            problem = Problems.of(status, type, HttpStatus.valueOf(status.value()).getReasonPhrase(), detail);
        }
        return super.handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "this path";
    }

    private static final Map<Integer, String> FRAMEWORK_TYPES = Map.of(
            400, "bad-request",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            413, "payload-too-large",
            415, "unsupported-media-type");
}
