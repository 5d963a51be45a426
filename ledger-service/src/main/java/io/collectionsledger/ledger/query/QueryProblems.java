package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.http.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems of the query side, histories included; bad parameters of any query are `invalid-query`.
 * Asked before the advice every controller shares, which would say a missing parameter otherwise.
 */
@RestControllerAdvice(basePackages = {"io.collectionsledger.ledger.query", "io.collectionsledger.ledger.audit",
        "io.collectionsledger.ledger.documents"})
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

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ProblemDetail unreadable(Exception e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", e.getMessage());
    }
}
