package org.survivorvoice.web;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Adds what every page's layout needs to the model of every page: {@link PageModel#common}, the
 * signed-in user (staff pages) and the CSRF token (staff forms; public pages have none, so they
 * never start a session).
 */
@ControllerAdvice
class PageModelAdvice {

    private final PageModel pageModel;

    PageModelAdvice(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ModelAttribute
    void layout(Model model, ServerWebExchange exchange) {
        model.addAllAttributes(pageModel.common(Pages.locale(exchange)));
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            model.addAttribute("_csrf", csrf);
        }
        model.addAttribute("currentUser", exchange.getPrincipal().mapNotNull(CurrentUser::of));
    }
}
