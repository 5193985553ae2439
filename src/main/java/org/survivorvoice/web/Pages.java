package org.survivorvoice.web;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** Small things every page controller needs. */
public final class Pages {

    private Pages() {
    }

    /** The page's language (from the request), British English when the request names none. */
    public static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.UK : locale;
    }

    /** After a POST: 303, so that reloading the next page does not post again. */
    public static Rendering seeOther(String location) {
        return Rendering.redirectTo(location).status(HttpStatus.SEE_OTHER).build();
    }
}
