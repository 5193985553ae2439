package org.survivorvoice.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.reactive.result.view.Rendering;

/** The staff sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

    /** {@code ?error} and {@code ?signed-out} are flags without values. */
    @GetMapping("/login")
    Rendering login(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        return Rendering.view("staff/login")
                .modelAttribute("title", "Sign in")
                .modelAttribute("hasErrors", query.containsKey("error"))
                .modelAttribute("failed", query.containsKey("error"))
                .modelAttribute("done", query.containsKey("signed-out") ? "You have signed out" : null)
                .build();
    }
}
