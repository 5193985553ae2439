package org.survivorvoice.web;

import java.security.Principal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in member of staff, as the staff layout shows her. */
public record CurrentUser(String username, boolean admin, boolean officer, boolean reader) {

    public static CurrentUser of(Principal principal) {
        if (!(principal instanceof Authentication authentication) || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        var roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return new CurrentUser(authentication.getName(), roles.contains("ROLE_ADMIN"), roles.contains("ROLE_OFFICER"),
                roles.contains("ROLE_READER"));
    }
}
