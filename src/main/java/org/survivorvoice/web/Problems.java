package org.survivorvoice.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem details (RFC 9457) as the API writes them. */
public final class Problems {

    /** The type of a 400 listing invalid answers; documented in the README. */
    public static final URI INVALID_ANSWERS = URI.create("/problems/invalid-answers");

    private Problems() {
    }

    /** The request path as the problem's {@code instance}, or null if it is not a valid URI reference. */
    public static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    /** @param errors each {@code {field, message}} */
    public static ProblemDetail invalidAnswers(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(400),
                errors.size() == 1 ? "1 answer is not valid; nothing was stored."
                        : errors.size() + " answers are not valid; nothing was stored.");
        problem.setType(INVALID_ANSWERS);
        problem.setTitle("Invalid answers");
        problem.setProperty("errors", errors);
        return problem;
    }
}
