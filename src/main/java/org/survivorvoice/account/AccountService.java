package org.survivorvoice.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.survivorvoice.survey.InstrumentCatalogue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Creates and changes staff accounts. Passwords are only ever kept hashed. */
@Service
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    /** NCSC guidance: length over complexity. */
    static final int MIN_PASSWORD_LENGTH = 12;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final InstrumentCatalogue catalogue;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, InstrumentCatalogue catalogue, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public Mono<Account> create(String username, String password, Role role, List<String> groups) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            return Mono.error(new AccountProblem("username",
                    "Enter a username of 3 to 40 lower-case letters, digits, dots, hyphens or underscores"));
        }
        if (role == null) {
            return Mono.error(new AccountProblem("role", "Choose a role"));
        }
        List<String> checkedGroups;
        try {
            checkedGroups = checkGroups(role, groups);
            checkPassword(password);
        } catch (AccountProblem problem) {
            return Mono.error(problem);
        }
        return hash(password)
                .map(hash -> new Account(name, hash, role, checkedGroups, true, Instant.now(clock)))
                .flatMap(accounts::insert)
                .onErrorMap(DuplicateKeyException.class, e -> new AccountProblem("username", "There is already an account called " + name));
    }

    public Mono<Account> changePassword(String username, String password) {
        try {
            checkPassword(password);
        } catch (AccountProblem problem) {
            return Mono.error(problem);
        }
        return find(username).zipWith(hash(password), Account::withPasswordHash).flatMap(accounts::save);
    }

    public Mono<Account> setEnabled(String username, boolean enabled, String actingUser) {
        if (!enabled && username.equals(actingUser)) {
            return Mono.error(new AccountProblem("username", "You cannot disable your own account"));
        }
        return find(username).map(account -> account.withEnabled(enabled)).flatMap(accounts::save);
    }

    public Mono<Account> find(String username) {
        return accounts.findById(username)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no account called " + username)));
    }

    public Flux<Account> all() {
        return accounts.findAllByOrderByUsernameAsc();
    }

    public Mono<Boolean> adminExists() {
        return accounts.existsByRole(Role.ADMIN);
    }

    private List<String> checkGroups(Role role, List<String> groups) {
        List<String> given = groups == null ? List.of() : groups.stream().filter(g -> !g.isBlank()).distinct().toList();
        for (String group : given) {
            if (catalogue.agencies().group(group).isEmpty()) {
                throw new AccountProblem("groups", "There is no operational group called " + group);
            }
        }
        if (role == Role.READER && given.isEmpty()) {
            throw new AccountProblem("groups", "Choose at least one operational group for a reader");
        }
        return role == Role.READER ? given : List.of();
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new AccountProblem("password", "Enter a password of at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 128) {
            throw new AccountProblem("password", "Enter a password of at most 128 characters");
        }
    }

    /** Hashing is deliberately slow: never on the event loop. */
    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }
}
