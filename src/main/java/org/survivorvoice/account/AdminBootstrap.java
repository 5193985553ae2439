package org.survivorvoice.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.survivorvoice.audit.Actor;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;

/**
 * On the first start (no administrator yet) creates one: from {@code SV_ADMIN_USERNAME} and
 * {@code SV_ADMIN_PASSWORD} when set, otherwise "admin" with a random password printed once to
 * the console (not to the log).
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final AdminBootstrapProperties properties;
    private final AuditLog audit;

    AdminBootstrap(AccountService accounts, AdminBootstrapProperties properties, AuditLog audit) {
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (Boolean.TRUE.equals(accounts.adminExists().block(Duration.ofSeconds(30)))) {
            return;
        }
        String username = properties.username() == null || properties.username().isBlank() ? "admin" : properties.username();
        boolean generated = properties.password() == null || properties.password().isEmpty();
        String password = generated ? randomPassword() : properties.password();
        try {
            accounts.create(username, password, Role.ADMIN, List.of()).block(Duration.ofSeconds(30));
            audit.note(Actor.SYSTEM, AuditAction.ACCOUNT_CHANGED, AuditTarget.ACCOUNT, username,
                    "first administrator created, role ADMIN").block(Duration.ofSeconds(30));
        } catch (AccountProblem problem) {
            throw new IllegalStateException("Cannot create the first administrator from SV_ADMIN_USERNAME/SV_ADMIN_PASSWORD: "
                    + problem.getMessage(), problem);
        }
        if (generated) {
            System.out.println("""

                    ================================================================
                     First administrator created. This password is shown only once:
                       username: %s
                       password: %s
                     Sign in at /login and keep it somewhere safe.
                    ================================================================
                    """.formatted(username, password));
            log.warn("Created administrator '{}' with a generated password, printed once on the console", username);
        } else {
            log.info("Created administrator '{}' from SV_ADMIN_USERNAME/SV_ADMIN_PASSWORD", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
