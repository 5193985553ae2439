package org.survivorvoice.security;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.reactive.result.view.Rendering;

/** The staff sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

    /**
     * {@code ?error} and {@code ?signed-out} are flags without values. A sign-in refused by
     * {@link SignInThrottle} arrives here too (as a GET), and is answered 429 with the wait.
     */
    @GetMapping("/login")
    Rendering login(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        Duration wait = exchange.getAttribute(SignInThrottle.REFUSED);
        String problem = wait != null
                ? "Too many failed attempts to sign in. Wait " + TooManyRequestsException.inMinutes(wait) + ", then try again."
                : query.containsKey("error") ? "The username or password is not right, or the account is disabled" : null;
        return Rendering.view("staff/login")
                .modelAttribute("title", "Sign in")
                .modelAttribute("hasErrors", problem != null)
                .modelAttribute("problem", problem)
                .modelAttribute("done", query.containsKey("signed-out") ? "You have signed out" : null)
                .status(wait != null ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.OK)
                .build();
    }
}
