package org.survivorvoice.audit;

import java.util.Locale;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.survivorvoice.account.AccountService;
import reactor.core.publisher.Mono;

/**
 * Sign-ins through the login form, successful or not, in the audit log. A failed attempt names the
 * account only if one exists with that username; anything else typed into the username field (a
 * password by mistake, say) is never recorded. HTTP Basic requests to the API authenticate on each
 * call and are not recorded as sign-ins; what they read is.
 */
@Component
public class SignInAudit {

    private final AuditLog audit;
    private final AccountService accounts;

    SignInAudit(AuditLog audit, AccountService accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    public ServerAuthenticationSuccessHandler success(ServerAuthenticationSuccessHandler then) {
        return (exchange, authentication) -> audit.note(Actor.of(authentication), AuditAction.SIGNED_IN, AuditTarget.SESSION,
                        authentication.getName(), "sign-in form")
                .then(then.onAuthenticationSuccess(exchange, authentication));
    }

    public ServerAuthenticationFailureHandler failure(ServerAuthenticationFailureHandler then) {
        return (exchange, exception) -> exchange.getExchange().getFormData()
                .map(form -> form.getFirst("username") == null ? "" : form.getFirst("username").strip().toLowerCase(Locale.ROOT))
                .flatMap(username -> username.isEmpty() ? Mono.just(Actor.UNKNOWN)
                        : accounts.find(username).map(account -> new Actor(account.username(), account.role().name()))
                                .onErrorResume(e -> Mono.just(Actor.UNKNOWN)))
                .defaultIfEmpty(Actor.UNKNOWN)
                .flatMap(actor -> audit.note(actor, AuditAction.SIGNIN_FAILED, AuditTarget.SESSION, actor.username(), reason(exception)))
                .then(then.onAuthenticationFailure(exchange, exception));
    }

    private static String reason(AuthenticationException exception) {
        if (exception instanceof DisabledException) {
            return "account disabled";
        }
        if (exception instanceof LockedException) {
            return "account locked";
        }
        return "wrong username or password";
    }
}
