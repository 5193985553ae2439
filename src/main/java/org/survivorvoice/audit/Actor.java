package org.survivorvoice.audit;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who did something: a member of staff with her role, or the service itself.
 *
 * @param role {@code ADMIN}, {@code OFFICER}, {@code READER}, {@code SYSTEM}, or {@code NONE} (a failed sign-in)
 */
public record Actor(String username, String role) {

    /** The service's own jobs (retention). */
    public static final Actor SYSTEM = new Actor("system", "SYSTEM");
    /** A sign-in attempt with a username that has no account (never recorded as typed). */
    public static final Actor UNKNOWN = new Actor("unknown", "NONE");

    /** The signed-in member of staff, by her highest role. */
    public static Actor of(Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return new Actor(principal == null ? "unknown" : principal.getName(), "NONE");
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        String role = roles.contains("ROLE_ADMIN") ? "ADMIN" : roles.contains("ROLE_OFFICER") ? "OFFICER"
                : roles.contains("ROLE_READER") ? "READER" : "NONE";
        return new Actor(authentication.getName(), role);
    }
}
