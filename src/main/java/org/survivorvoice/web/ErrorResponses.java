package org.survivorvoice.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.AbstractErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.survivorvoice.storage.StorageFailures;
import reactor.core.publisher.Mono;

/**
 * Errors that no controller handled (an unknown address, a refused method, a body too large, a
 * failure): problem details for the API and for clients that want JSON, an error page in the
 * site's layout otherwise. Never a stack trace, never the request echoed back.
 */
class ErrorResponses extends AbstractErrorWebExceptionHandler {

    private final PageModel pageModel;

    ErrorResponses(ErrorAttributes errorAttributes, WebProperties.Resources resources, ApplicationContext context,
                   PageModel pageModel) {
        super(errorAttributes, resources, context);
        this.pageModel = pageModel;
    }

    @Override
    protected RouterFunction<ServerResponse> getRoutingFunction(ErrorAttributes errorAttributes) {
        return RouterFunctions.route(this::wantsJson, this::problem).andRoute(RequestPredicates.all(), this::page);
    }

    private boolean wantsJson(ServerRequest request) {
        String path = request.path();
        if (path.startsWith("/api/") || path.startsWith("/actuator")) {
            return true;
        }
        List<MediaType> accept;
        try {
            accept = request.headers().accept();
        } catch (InvalidMediaTypeException e) {
            return false; // an Accept header that cannot be read: the page, which every browser takes
        }
        return !accept.isEmpty() && accept.stream().noneMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML))
                && accept.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private Mono<ServerResponse> problem(ServerRequest request) {
        HttpStatusCode status = status(request);
        ProblemDetail problem = storageDown(request) ? StorageUnavailableAdvice.problem() : Problems.of(status, detail(request, status));
        problem.setInstance(Problems.instance(request.path()));
        return ServerResponse.status(status).headers(headers -> headers.addAll(headers(request)))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(BodyInserters.fromValue(problem));
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        HttpStatusCode status = status(request);
        Map<String, Object> model = pageModel.common(Pages.locale(request.exchange()));
        model.put("status", status.value());
        model.put("notFound", status.value() == 404);
        model.put("serverError", status.is5xxServerError());
        model.put("unavailable", storageDown(request));
        model.put("detail", detail(request, status));
        model.put("titleKey", status.value() == 404 ? "error.not-found.heading"
                : storageDown(request) ? "error.unavailable.heading"
                : status.is5xxServerError() ? "error.server.heading" : "error.other.heading");
        return ServerResponse.status(status).headers(headers -> headers.addAll(headers(request)))
                .contentType(MediaType.TEXT_HTML).render("error/page", model);
    }

    /** What the error says about itself in headers: {@code Retry-After} of a 429, {@code Allow} of a 405. */
    private HttpHeaders headers(ServerRequest request) {
        return getError(request) instanceof ErrorResponse error ? error.getHeaders() : HttpHeaders.EMPTY;
    }

    private HttpStatusCode status(ServerRequest request) {
        Throwable error = getError(request);
        if (error instanceof DataBufferLimitException || error.getCause() instanceof DataBufferLimitException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (StorageFailures.isUnavailable(error)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (error instanceof ResponseStatusException statusError) {
            return statusError.getStatusCode();
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The database cannot be reached (a 503, see {@link #status}). */
    private boolean storageDown(ServerRequest request) {
        return StorageFailures.isUnavailable(getError(request));
    }

    /** A database that cannot be reached is logged in one line; anything else as Spring Boot does. */
    @Override
    protected void logError(ServerRequest request, ServerResponse response, Throwable throwable) {
        if (StorageFailures.isUnavailable(throwable)) {
            StorageUnavailableAdvice.logUnavailable(request.method().name(), request.path(), throwable);
            return;
        }
        super.logError(request, response, throwable);
    }

    /** A message safe to show: our own words, or the framework's reason for a 4xx (which never quotes the body). */
    private String detail(ServerRequest request, HttpStatusCode status) {
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            // A LargeBodyRoute's own limit, or the 64 KB every other request is held to.
            return getError(request) instanceof ResponseStatusException e && e.getReason() != null ? e.getReason()
                    : RequestBodyGuard.MESSAGE;
        }
        if (status.value() == 404) {
            return "There is nothing at this address.";
        }
        if (storageDown(request)) {
            return StorageUnavailableAdvice.DETAIL;
        }
        if (status.is5xxServerError()) {
            return "Something went wrong on our side. Nothing you sent was stored; please try again.";
        }
        Throwable error = getError(request);
        String reason = error instanceof ResponseStatusException e ? e.getReason() : null;
        HttpStatus known = HttpStatus.resolve(status.value());
        return reason != null && !reason.startsWith("Failed to read") ? reason
                : known != null ? known.getReasonPhrase() : "The request could not be handled.";
    }
}
