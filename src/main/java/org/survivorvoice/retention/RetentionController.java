package org.survivorvoice.retention;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.survivorvoice.audit.Actor;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/** {@code /admin/retention}: how long free text is kept, the last run, and a run started by hand. */
@Controller
class RetentionController {

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));
    private static final Map<String, String> OUTCOMES = Map.of(
            "started", "Retention run started. Reload this page to see what it removed.",
            "busy", "A retention run is already under way.",
            "off", "Retention is switched off, so nothing was removed.");

    private final Retention retention;
    private final AuditLog audit;

    RetentionController(Retention retention, AuditLog audit) {
        this.retention = retention;
        this.audit = audit;
    }

    @GetMapping("/admin/retention")
    Mono<Rendering> page(@RequestParam(required = false) String done) {
        RetentionProperties settings = retention.settings();
        return audit.latest(AuditAction.REDACTED, AuditTarget.RETENTION).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(last -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("title", "Retention");
                    model.put("done", done == null ? null : OUTCOMES.get(done));
                    model.put("enabled", settings.enabled());
                    model.put("period", settings.freeTextText());
                    model.put("periodIso", settings.freeText().toString());
                    model.put("schedule", settings.scheduled() ? settings.schedule() : null);
                    model.put("cutoff", retention.cutoff().toString());
                    model.put("running", retention.isRunning());
                    last.ifPresent(entry -> model.put("last", Map.of("when", WHEN.format(entry.at()), "by", entry.actor(),
                            "detail", entry.detail() == null ? "" : entry.detail())));
                    return Rendering.view("admin/retention").model(model).build();
                });
    }

    @PostMapping("/admin/retention/run")
    Rendering run(Principal admin) {
        if (!retention.settings().enabled()) {
            return Pages.seeOther("/admin/retention?done=off");
        }
        if (retention.isRunning()) {
            return Pages.seeOther("/admin/retention?done=busy");
        }
        retention.run(Actor.of(admin)).subscribe(null, e -> { });
        return Pages.seeOther("/admin/retention?done=started");
    }
}
