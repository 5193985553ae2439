package org.survivorvoice;

import java.time.Duration;
import java.util.List;

import org.springframework.web.server.ResponseStatusException;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.account.Role;
import reactor.core.publisher.Mono;

/** Staff accounts the integration tests sign in with; created once per application. */
public final class TestAccounts {

    public static final String ADMIN = "admin";
    public static final String OFFICER = "officer";
    public static final String READER = "housing-reader";
    public static final String PASSWORD = "test-password-1234";

    private TestAccounts() {
    }

    public static void ensure(AccountService accounts) {
        ensure(accounts, OFFICER, Role.OFFICER, List.of());
        ensure(accounts, READER, Role.READER, List.of("housing"));
    }

    private static void ensure(AccountService accounts, String username, Role role, List<String> groups) {
        accounts.find(username)
                .onErrorResume(ResponseStatusException.class, missing -> accounts.create(username, PASSWORD, role, groups))
                .then(Mono.empty())
                .block(Duration.ofSeconds(30));
    }
}
