package org.survivorvoice.account;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of staff.
 *
 * @param username     lower-case, the id
 * @param passwordHash from a Spring Security {@code PasswordEncoder} (bcrypt, with its {@code {id}} prefix)
 * @param groups       operational group ids; readers see the reports of these groups only
 */
@Document("accounts")
public record Account(
        @Id String username,
        String passwordHash,
        Role role,
        List<String> groups,
        boolean enabled,
        Instant createdAt) {

    public Account {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public Account withPasswordHash(String hash) {
        return new Account(username, hash, role, groups, enabled, createdAt);
    }

    public Account withEnabled(boolean enabled) {
        return new Account(username, passwordHash, role, groups, enabled, createdAt);
    }

    public Account withRoleAndGroups(Role role, List<String> groups) {
        return new Account(username, passwordHash, role, groups, enabled, createdAt);
    }
}
