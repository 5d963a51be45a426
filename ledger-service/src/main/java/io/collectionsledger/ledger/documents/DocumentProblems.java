package io.collectionsledger.ledger.documents;

import io.collectionsledger.ledger.http.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The documents' own refusals, with the problem types the commands use for the same facts. */
@RestControllerAdvice(basePackageClasses = DocumentProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

    @ExceptionHandler
    ProblemDetail unknown(UnknownCustomer e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-customer", "Unknown customer", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noDocument(NoKeptDocument e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-document", "Unknown document", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail nothingOverdue(NothingToDemand e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "nothing-overdue", "Nothing overdue", e.getMessage());
    }
}
