package org.survivorvoice.account;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.OperationalGroup;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/** Administrators manage staff accounts: create, disable or enable, set a new password. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final AccountService accounts;
    private final List<OperationalGroup> groups;
    private final AuditLog audit;

    AccountAdminController(AccountService accounts, InstrumentCatalogue catalogue, AuditLog audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.groups = catalogue.agencies().groups();
    }

    /** What the last action did, shown once above the list; only these fixed outcomes, never text from the address. */
    private static final Map<String, String> OUTCOMES = Map.of(
            "created", "Account %s created",
            "enabled", "Account %s enabled",
            "disabled", "Account %s disabled",
            "password", "New password set for %s",
            "self", "You cannot disable your own account");

    @GetMapping
    Mono<Rendering> list(@RequestParam(required = false) String done, @RequestParam(required = false) String user) {
        String outcome = done == null || !OUTCOMES.containsKey(done) ? null
                : OUTCOMES.get(done).formatted(user == null || !AccountService.USERNAME.matcher(user).matches() ? "" : user);
        return accounts.all().map(this::row).collectList()
                .map(rows -> Rendering.view("admin/accounts").modelAttribute("title", "Staff accounts").modelAttribute("accounts", rows)
                        .modelAttribute("done", outcome).build());
    }

    @GetMapping("/new")
    Rendering newAccount() {
        return form(Map.of(), null, HttpStatus.OK);
    }

    @PostMapping
    Mono<Rendering> create(ServerWebExchange exchange, Principal admin) {
        return exchange.getFormData().flatMap(form -> {
            Role role = parseRole(form.getFirst("role"));
            return accounts.create(form.getFirst("username"), form.getFirst("password"), role, form.getOrDefault("groups", List.of()))
                    .flatMap(created -> audit.note(admin, AuditAction.ACCOUNT_CHANGED, AuditTarget.ACCOUNT, created.username(),
                            "created, role " + created.role().name() + (created.groups().isEmpty() ? ""
                                    : ", groups " + String.join(" ", created.groups()))).thenReturn(created))
                    .map(created -> done("created", created.username()))
                    .onErrorResume(AccountProblem.class, problem -> Mono.just(form(form.toSingleValueMap(), problem, HttpStatus.BAD_REQUEST)));
        });
    }

    @PostMapping("/{username}/enabled")
    Mono<Rendering> setEnabled(@PathVariable String username, Principal user, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> accounts.setEnabled(username, "true".equals(form.getFirst("enabled")), user.getName()))
                .flatMap(account -> audit.note(user, AuditAction.ACCOUNT_CHANGED, AuditTarget.ACCOUNT, account.username(),
                        account.enabled() ? "enabled" : "disabled").thenReturn(account))
                .map(account -> done(account.enabled() ? "enabled" : "disabled", account.username()))
                .onErrorResume(AccountProblem.class, problem -> Mono.just(done("self", user.getName())));
    }

    @GetMapping("/{username}/password")
    Mono<Rendering> passwordForm(@PathVariable String username) {
        return accounts.find(username).map(account -> passwordPage(account.username(), null, HttpStatus.OK));
    }

    @PostMapping("/{username}/password")
    Mono<Rendering> setPassword(@PathVariable String username, ServerWebExchange exchange, Principal admin) {
        return exchange.getFormData()
                .flatMap(form -> accounts.changePassword(username, form.getFirst("password")))
                .flatMap(account -> audit.note(admin, AuditAction.ACCOUNT_CHANGED, AuditTarget.ACCOUNT, account.username(),
                        "new password set").thenReturn(account))
                .map(account -> done("password", account.username()))
                .onErrorResume(AccountProblem.class, problem -> Mono.just(passwordPage(username, problem, HttpStatus.BAD_REQUEST)));
    }

    private Map<String, Object> row(Account account) {
        return Map.of("username", account.username(), "role", account.role().label(),
                "groups", String.join(", ", account.groups().stream()
                        .map(id -> groups.stream().filter(g -> g.id().equals(id)).findFirst().map(OperationalGroup::label).orElse(id))
                        .toList()),
                "enabled", account.enabled());
    }

    private Rendering form(Map<String, String> values, AccountProblem problem, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Create a staff account");
        model.put("username", values.getOrDefault("username", ""));
        model.put("roles", java.util.Arrays.stream(Role.values()).map(r -> Map.of("value", r.name(), "label", r.label(),
                "checked", r.name().equals(values.get("role")))).toList());
        model.put("groups", groups.stream().map(g -> Map.of("value", g.id(), "label", g.label())).toList());
        putError(model, problem);
        return Rendering.view("admin/account-new").model(model).status(status).build();
    }

    private static Rendering passwordPage(String username, AccountProblem problem, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "New password");
        model.put("username", username);
        putError(model, problem);
        return Rendering.view("admin/account-password").model(model).status(status).build();
    }

    private static void putError(Map<String, Object> model, AccountProblem problem) {
        if (problem != null) {
            model.put("errorSummary", List.of(new ErrorSummaryItem("#" + problem.field(), problem.getMessage())));
            model.put("hasErrors", true);
            model.put("error_" + problem.field(), problem.getMessage());
        }
    }

    private static Role parseRole(String value) {
        try {
            return value == null ? null : Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Rendering done(String outcome, String username) {
        return Pages.seeOther("/admin/accounts?done=" + outcome + "&user=" + username);
    }
}
