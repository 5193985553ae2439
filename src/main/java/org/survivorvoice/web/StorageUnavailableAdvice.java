package org.survivorvoice.web;

import java.net.URI;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The database cannot be reached: the API answers 503 with a problem that says nothing was stored,
 * logged in one line (no stack trace: the cause is outside the service, and health says DOWN).
 * Before {@link ApiExceptionHandler}, whose catch-all would make it a 500.
 *
 * <p>The failures are those of {@link org.survivorvoice.storage.StorageFailures#isUnavailable}.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StorageUnavailableAdvice {

    static final URI TYPE = URI.create("/problems/storage-unavailable");
    static final String DETAIL = "The service cannot reach its database just now. Nothing you sent was stored;"
            + " please try again in a few minutes.";

    private static final Logger log = LoggerFactory.getLogger(StorageUnavailableAdvice.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class})
    Mono<ResponseEntity<ProblemDetail>> unavailable(Exception e, ServerWebExchange exchange) {
        logUnavailable(exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(), e);
        ProblemDetail problem = problem();
        problem.setInstance(Problems.instance(exchange.getRequest().getPath().value()));
        return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem));
    }

    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setType(TYPE);
        problem.setTitle("Database unavailable");
        return problem;
    }

    /** One line: what was asked and the failure's kind, never a stack trace or the request's content. */
    static void logUnavailable(String method, String path, Throwable failure) {
        log.warn("{} {} answered 503: the database cannot be reached ({})", method, path, failure.getClass().getSimpleName());
    }
}
