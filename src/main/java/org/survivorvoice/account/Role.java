package org.survivorvoice.account;

import java.util.List;

/**
 * What a member of staff may do. An administrator can also do everything an officer can; a reader
 * sees only the reports of her operational groups.
 */
public enum Role {
    ADMIN("Administrator"),
    OFFICER("Engagement officer"),
    READER("Operational group reader");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security roles this role grants. */
    public List<String> grantedRoles() {
        return this == ADMIN ? List.of("ADMIN", "OFFICER") : List.of(name());
    }
}
