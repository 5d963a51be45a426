package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.ledger.account.Rule;
import io.collectionsledger.ledger.account.RuleViolation;
import io.collectionsledger.ledger.account.StaleVersion;
import io.collectionsledger.ledger.command.IdempotencyKeyReused;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every error leaves as an RFC 9457 problem detail with a stable type. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ProblemDetail invalidHeader(InvalidHeader e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid or missing header", e.getMessage());
        problem.setProperty("header", e.header());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadableCommand(UnreadableCommand e) {
        return unreadable(e.jsonCause());
    }

    @ExceptionHandler
    ProblemDetail pathBodyMismatch(PathBodyMismatch e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "path-body-mismatch", "Path and body disagree", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail ruleViolation(RuleViolation e) {
        return rule(e.rule(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownCustomer(AggregateNotFoundException e) {
        return rule(Rule.UNKNOWN_CUSTOMER, "no customer " + e.getAggregateIdentifier() + " is registered");
    }

    @ExceptionHandler
    ProblemDetail alreadyRegistered(AggregateStreamCreationException e) {
        return rule(Rule.CUSTOMER_ALREADY_REGISTERED, "this customer is already registered");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(StaleVersion e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "stale-version", "Stale version", e.getMessage()
                + "; read it again and decide anew");
        problem.setProperty("expectedVersion", e.expected());
        problem.setProperty("currentVersion", e.current());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag("\"" + e.current() + "\"").body(problem);
    }

    @ExceptionHandler
    ProblemDetail concurrentUpdate(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
                "the account kept changing under this command; retry it with the same Idempotency-Key");
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Command id reused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed unexpectedly; quote the correlationId when reporting it");
    }

    private static ProblemDetail rule(Rule rule, String detail) {
        HttpStatus status = switch (rule.kind()) {
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return Problems.of(status, rule.code(), "Refused: " + rule.code().replace('-', ' '), detail);
    }

    /** Framework errors (unknown route, wrong method or media type, unreadable body) get stable types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (ex instanceof HttpMessageNotReadableException unreadable
                && unreadable.getCause() instanceof JsonProcessingException json) {
            problem = unreadable(json);
        } else if (ex instanceof HttpMessageNotReadableException) {
            problem = Problems.of(status, "malformed-json", "Malformed JSON", "the body must be a JSON object");
        } else {
            String detail = body instanceof ProblemDetail given ? given.getDetail() : ex.getMessage();
            String type = FRAMEWORK_TYPES.getOrDefault(status.value(), "http-" + status.value());
            problem = Problems.of(status, type, HttpStatus.valueOf(status.value()).getReasonPhrase(), detail);
        }
        return super.handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static final Map<Integer, String> FRAMEWORK_TYPES = Map.of(
            400, "bad-request",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            413, "payload-too-large",
            415, "unsupported-media-type");

    private static ProblemDetail unreadable(JsonProcessingException e) {
        if (e instanceof JsonParseException || e instanceof StreamConstraintsException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", e.getOriginalMessage());
        }
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String field;
        String reason;
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidValue invalid) {
            field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
            reason = invalid.reason();
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = path;
            reason = "is not a field of this command";
        } else if (e instanceof InvalidFormatException format) {
            field = path;
            reason = "cannot be read from " + format.getValue() + " (expected " + format.getTargetType().getSimpleName()
                    + (format.getTargetType().isEnum() ? " " + List.of(format.getTargetType().getEnumConstants()) : "") + ")";
        } else {
            field = path;
            reason = e.getOriginalMessage().lines().findFirst().orElse("is malformed");
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command",
                (field.isEmpty() ? "the command" : field) + " " + reason);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }

    /** Where in the body the problem is, as a JSON path such as {@code terms[1].amount}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

}
