package org.survivorvoice.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import org.survivorvoice.response.InvalidAnswersException;
import reactor.core.publisher.Mono;

/**
 * Errors of API controllers as problem details. Client mistakes are 4xx with a message that says
 * what to fix and never echoes the request; anything else is a 500 without internals (logged here).
 */
@RestControllerAdvice(annotations = ApiController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidAnswersException.class)
    Mono<ResponseEntity<ProblemDetail>> invalidAnswers(InvalidAnswersException e, ServerWebExchange exchange) {
        List<Map<String, String>> errors = e.errors().stream()
                .map(error -> Map.of("field", error.field(),
                        "message", messages.getMessage(error, exchange.getLocaleContext().getLocale())))
                .toList();
        return Mono.just(problem(Problems.invalidAnswers(errors), exchange));
    }

    @ExceptionHandler({DataBufferLimitException.class, ContentTooLargeException.class})
    Mono<ResponseEntity<ProblemDetail>> tooLarge(Exception e, ServerWebExchange exchange) {
        return Mono.just(problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, RequestBodyGuard.MESSAGE), exchange));
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        return Mono.just(problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing you sent was stored; please try again."), exchange));
    }

    /** Malformed JSON and the like: say so without quoting the parser (which may quote the body). */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DataBufferLimitException) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(withInstance(Problems.of(HttpStatus.CONTENT_TOO_LARGE, RequestBodyGuard.MESSAGE), exchange)));
        }
        String reason = e.getReason();
        String parameter = e.getMethodParameter() == null ? null : e.getMethodParameter().getParameterName();
        String detail;
        if (reason == null || reason.startsWith("Failed to read") || cause instanceof tools.jackson.core.JacksonException) {
            detail = "The request body is not valid JSON of the expected shape, for example {\"answers\": {\"question-id\": \"value\"}}.";
        } else if (reason.startsWith("Type mismatch") && parameter != null) {
            Class<?> type = e.getMethodParameter().getParameterType();
            detail = "\"" + parameter + "\" must be " + (type == int.class || type == Integer.class || type == long.class
                    ? "a whole number." : "a " + type.getSimpleName() + ".");
        } else {
            detail = reason;
        }
        return Mono.just(ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(Problems.of(HttpStatus.BAD_REQUEST, detail), exchange)));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem, ServerWebExchange exchange) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(problem, exchange));
    }

    private static ProblemDetail withInstance(ProblemDetail problem, ServerWebExchange exchange) {
        problem.setInstance(Problems.instance(exchange.getRequest().getPath().value()));
        return problem;
    }
}
