package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.http.Problems;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Problems of the query side, and of any handler's query parameters: a parameter that is missing,
 * unknown or cannot be read is 400 {@code invalid-query}, said in words a client can act on (what
 * the parameter takes, and what it got), never in Java's. Asked before the advice every
 * controller shares, which would say a missing parameter otherwise.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> behind(ReadModelBehind e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", "Read model behind", e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidQuery e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownReadModel e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-read-model", "Unknown read model", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownCustomer e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-customer", "Unknown customer", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownRecord e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.problem(), e.title(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unreadable(MethodArgumentTypeMismatchException e) {
        String got = e.getValue() instanceof String[] values ? String.join(",", values) : String.valueOf(e.getValue());
        return invalid(new InvalidQuery(e.getName() + ": " + expected(e.getParameter()) + "; got " + got));
    }

    /**
     * A record of parameters ({@code @ParameterObject}) that Spring could not bind: the first
     * parameter it could not read, said as a single parameter's would be.
     */
    @ExceptionHandler
    ProblemDetail unreadable(MethodArgumentNotValidException e) {
        FieldError error = e.getFieldErrors().get(0);
        RecordComponent[] components = e.getParameter().getParameterType().getRecordComponents();
        Class<?> type = Arrays.stream(components == null ? new RecordComponent[0] : components)
                .filter(component -> component.getName().equals(error.getField())).findFirst()
                .<Class<?>>map(RecordComponent::getType).orElse(Object.class);
        Object value = error.getRejectedValue();
        String got = value instanceof String[] values ? String.join(",", values) : String.valueOf(value);
        return invalid(new InvalidQuery(error.getField() + ": " + expected(type) + "; got " + got));
    }

    @ExceptionHandler
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return invalid(new InvalidQuery(e.getParameterName() + ": required"));
    }

    /** What a parameter takes, as a client would write it. */
    private static String expected(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = ResolvableType.forMethodParameter(parameter).asCollection().resolveGeneric(0);
            return isWholeNumber(element) ? "whole numbers separated by commas, such as 30,60,90" : "values separated by commas";
        }
        return expected(type);
    }

    private static String expected(Class<?> type) {
        if (isWholeNumber(type)) {
            return "a whole number";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-11-24";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a time with its offset, such as 2026-11-24T10:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a value of another form";
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type != null && List.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class).contains(type);
    }
}
