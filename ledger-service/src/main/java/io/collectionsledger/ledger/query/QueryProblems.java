package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(assignableTypes = StatementController.class)
class QueryProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> behind(ReadModelBehind e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", "Read model behind", e.getMessage()));
    }
}
