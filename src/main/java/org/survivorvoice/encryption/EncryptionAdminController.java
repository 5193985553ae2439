package org.survivorvoice.encryption;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/**
 * The administrator's page for encryption at rest: which key encrypts new free text, how many stored
 * values each key holds, and the re-encryption with the current key after a key change.
 */
@Controller
class EncryptionAdminController {

    private final FreeTextEncryption encryption;
    private final Keyring keyring;
    private final Rekeying rekeying;

    private final AuditLog audit;

    EncryptionAdminController(FreeTextEncryption encryption, Keyring keyring, Rekeying rekeying, AuditLog audit) {
        this.audit = audit;
        this.encryption = encryption;
        this.keyring = keyring;
        this.rekeying = rekeying;
    }

    @GetMapping("/admin/encryption")
    Rendering page(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Encryption at rest");
        model.put("done", query.containsKey("started") ? "Started: the figures below fill in as it goes"
                : query.containsKey("busy") ? "A count or re-encryption is already running" : null);
        model.put("noKeyRefused", query.containsKey("no-key"));
        model.put("encrypts", encryption.encrypts());
        model.put("currentKey", encryption.currentKeyId());
        model.put("olderKeys", String.join(", ", keyring.ids().stream().filter(id -> !id.equals(keyring.currentId())).toList()));
        Rekeying.Progress progress = rekeying.progress();
        model.put("progress", progress);
        model.put("running", progress.running());
        model.put("reencrypting", progress.mode() == Rekeying.Mode.REENCRYPT);
        model.put("hasRun", progress.mode() != null);
        model.put("finished", progress.finishedAt() == null ? null : Map.of(
                "at", progress.finishedAt().toString(),
                "seconds", String.format(java.util.Locale.ROOT, "%.1f", progress.seconds()),
                "problem", progress.problem() == null ? "" : progress.problem()));
        model.put("keyRows", rows(progress));
        return Rendering.view("admin/encryption").model(model).build();
    }

    private List<Map<String, Object>> rows(Rekeying.Progress progress) {
        List<Map<String, Object>> rows = new ArrayList<>();
        progress.byKey().forEach((keyId, count) -> {
            String state = Rekeying.UNENCRYPTED.equals(keyId) ? "not encrypted"
                    : keyId.equals(keyring.currentId()) ? "current key"
                    : keyring.ids().contains(keyId) ? "older key: re-encrypt, then it can be removed"
                    : "NOT CONFIGURED: these values cannot be read";
            rows.add(Map.of("key", Rekeying.UNENCRYPTED.equals(keyId) ? "(none)" : keyId, "state", state, "count", count));
        });
        return rows;
    }

    @GetMapping("/admin/encryption/progress")
    @ResponseBody
    Rekeying.Progress progress() {
        return rekeying.progress();
    }

    @PostMapping("/admin/encryption/count")
    Mono<Rendering> count(Principal admin) {
        return start(admin, Rekeying.Mode.COUNT);
    }

    @PostMapping("/admin/encryption/rotate")
    Mono<Rendering> rotate(Principal admin) {
        if (!encryption.encrypts()) {
            return Mono.just(Pages.seeOther("/admin/encryption?no-key"));
        }
        return start(admin, Rekeying.Mode.REENCRYPT);
    }

    private Mono<Rendering> start(Principal admin, Rekeying.Mode mode) {
        try {
            rekeying.start(mode);
        } catch (IllegalStateException e) {
            return Mono.just(Pages.seeOther("/admin/encryption?busy"));
        }
        String what = mode == Rekeying.Mode.COUNT ? "count values by key" : "re-encrypt with key " + encryption.currentKeyId();
        return audit.note(admin, AuditAction.STARTED, AuditTarget.ENCRYPTION, what, "from the admin page")
                .thenReturn(Pages.seeOther("/admin/encryption?started"));
    }
}
