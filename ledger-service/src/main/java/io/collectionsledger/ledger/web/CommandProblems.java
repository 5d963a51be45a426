package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.ledger.account.Rule;
import io.collectionsledger.ledger.account.RuleViolation;
import io.collectionsledger.ledger.account.StaleVersion;
import io.collectionsledger.ledger.command.IdempotencyKeyReused;
import io.collectionsledger.ledger.documents.DocumentRefused;
import io.collectionsledger.ledger.http.DatabaseUnavailable;
import io.collectionsledger.ledger.http.Problems;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** How each way a command can fail is told to the client: one problem type per kind. */
final class CommandProblems {

    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    private CommandProblems() {
    }

    static ProblemDetail of(Exception e) {
        if (e instanceof InvalidHeader header) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid or missing header", e.getMessage());
            problem.setProperty("header", header.header());
            return problem;
        }
        if (e instanceof UnreadableCommand unreadable) {
            return unreadable(unreadable.jsonCause());
        }
        if (e instanceof InvalidValue invalid) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command", invalid.getMessage());
            problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "reason", invalid.reason())));
            return problem;
        }
        if (e instanceof UnreadableBatch) {
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command", e.getMessage());
        }
        if (e instanceof PathBodyMismatch) {
            return Problems.of(HttpStatus.BAD_REQUEST, "path-body-mismatch", "Path and body disagree", e.getMessage());
        }
        if (e instanceof DocumentRefused refused) {
            return refused.problem();
        }
        Optional<RuleViolation> refusal = RuleViolation.of(e);
        if (refusal.isPresent()) {
            return rule(refusal.get().rule(), refusal.get().getMessage());
        }
        if (e instanceof StaleVersion stale) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "stale-version", "Stale version",
                    e.getMessage() + "; read it again and decide anew");
            problem.setProperty("expectedVersion", stale.expected());
            problem.setProperty("currentVersion", stale.current());
            return problem;
        }
        if (e instanceof NoVersionYet) {
            return Problems.of(HttpStatus.CONFLICT, "stale-version", "Stale version", e.getMessage());
        }
        if (e instanceof ConcurrencyException) {
            return Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
                    "the account kept changing under this command; retry it with the same Idempotency-Key");
        }
        if (e instanceof RequestRejectedException) {
            // a header's value checked lazily by Spring Security's firewall, when first read
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid or missing header", INVALID_HEADER_VALUE);
        }
        if (e instanceof IdempotencyKeyReused) {
            return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Command id reused", e.getMessage());
        }
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("database unavailable: {}", e.toString());
            return DatabaseUnavailable.problem();
        }
        log.error("unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed unexpectedly; quote the correlationId when reporting it");
    }

    private static ProblemDetail rule(Rule rule, String detail) {
        return Problems.of(status(rule), rule.code(), "Refused: " + rule.code().replace('-', ' '), detail);
    }

    /** The status a refusal by the rule is told with. */
    static HttpStatus status(Rule rule) {
        return switch (rule.kind()) {
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    static ProblemDetail unreadable(JsonProcessingException e) {
        if (e instanceof JsonParseException || e instanceof StreamConstraintsException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", e.getOriginalMessage());
        }
        // what the parser refused while a record was being read (a key given twice in an import's item) is still malformed JSON
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof NumberFormatException) {
                return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", NUMBER_OUT_OF_RANGE);
            }
            if (cause instanceof JsonParseException parse) {
                return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", parse.getOriginalMessage());
            }
        }
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String field;
        String reason;
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidValue invalid) {
            field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
            reason = invalid.reason();
        } else if (e instanceof UnrecognizedPropertyException) {
            field = path;
            reason = "is not a field of this command";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            field = path;
            Object given = e instanceof InvalidFormatException format ? format.getValue() : null;
            reason = "must be " + expected(mismatch.getTargetType())
                    + (given instanceof String text && text.length() <= 60 ? "; got " + text : "");
        } else {
            field = path;
            reason = "cannot be read";
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command",
                (field.isEmpty() ? "the command" : field) + " " + reason);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }

    static final String INVALID_HEADER_VALUE = "a header's value holds characters no header may: control characters, "
            + "or anything but printable ISO-8859-1";

    /** Jackson reads a number whose exponent does not fit a decimal (1e-2147483649) as a bare NumberFormatException. */
    static final String NUMBER_OUT_OF_RANGE = "a number in the body cannot be read: its exponent is out of range";

    /** What a field takes, as a client would write it, rather than as Java names it. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-11-24";
        }
        if (type == Instant.class) {
            return "a time with its offset, such as 2026-11-24T10:00:00Z";
        }
        if (type == Money.class) {
            return "an amount such as {\"amount\": \"125000.00\", \"currency\": \"CNY\"}";
        }
        if (type == BigDecimal.class) {
            return "a decimal number such as 12.5";
        }
        if (List.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class).contains(type)) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** Where in the body the problem is, as a JSON path such as {@code terms[1].amount}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

}
