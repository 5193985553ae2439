package org.survivorvoice.erasure;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.Actor;
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/**
 * {@code /admin/erasure}: an administrator enters a record's reference, sees what erasing it will
 * remove, and confirms.
 */
@Controller
class ErasureController {

    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @GetMapping("/admin/erasure")
    Rendering form(@RequestParam(required = false) String erased) {
        String reference = Erasure.normalise(erased);
        return formPage("", null, HttpStatus.OK, reference == null ? null
                : "Record " + reference + " erased, with everything made from it. Reports no longer count it.");
    }

    @PostMapping("/admin/erasure")
    Mono<Rendering> check(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String typed = form.getFirst("reference");
            return erasure.plan(typed)
                    .map(ErasureController::confirmPage)
                    .onErrorResume(ErasureProblem.class, problem -> Mono.just(formPage(typed, problem, HttpStatus.valueOf(problem.status()), null)));
        });
    }

    @PostMapping("/admin/erasure/confirm")
    Mono<Rendering> erase(ServerWebExchange exchange, Principal admin) {
        return exchange.getFormData().flatMap(form -> {
            String typed = form.getFirst("reference");
            return erasure.erase(typed, Actor.of(admin))
                    .map(plan -> Pages.seeOther("/admin/erasure?erased=" + plan.reference()))
                    .onErrorResume(ErasureProblem.class, problem -> Mono.just(formPage(typed, problem, HttpStatus.valueOf(problem.status()), null)));
        });
    }

    private static Rendering confirmPage(Erasure.Plan plan) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Erase record " + plan.reference());
        model.put("reference", plan.reference());
        model.put("lines", Erasure.lines(plan));
        model.put("recordedBy", plan.recordedBy());
        model.put("imports", plan.imports());
        model.put("imported", plan.imports() > 0);
        return Rendering.view("admin/erasure-confirm").model(model).build();
    }

    private static Rendering formPage(String typed, ErasureProblem problem, HttpStatus status, String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Erase a record");
        model.put("reference", typed == null ? "" : typed.strip());
        model.put("done", done);
        if (problem != null) {
            model.put("errorSummary", List.of(new ErrorSummaryItem("#reference", problem.getMessage())));
            model.put("hasErrors", true);
            model.put("referenceError", problem.getMessage());
        }
        return Rendering.view("admin/erasure").model(model).status(status).build();
    }
}
