package org.survivorvoice.account;

import java.util.Locale;

import org.springframework.security.core.userdetails.ReactiveUserDetailsPasswordService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Spring Security reads staff accounts through this, for form login and HTTP Basic alike. */
@Service
class StaffUserDetailsService implements ReactiveUserDetailsService, ReactiveUserDetailsPasswordService {

    private final AccountRepository accounts;

    StaffUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return accounts.findById(username.strip().toLowerCase(Locale.ROOT)).map(StaffUserDetailsService::toUser);
    }

    /** Re-hashes a password stored with an outdated encoding, at the moment it is known. */
    @Override
    public Mono<UserDetails> updatePassword(UserDetails user, String newPasswordHash) {
        return accounts.findById(user.getUsername())
                .map(account -> account.withPasswordHash(newPasswordHash))
                .flatMap(accounts::save)
                .map(StaffUserDetailsService::toUser);
    }

    private static UserDetails toUser(Account account) {
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.role().grantedRoles().toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }
}
