package org.survivorvoice.audit;

/** What a member of staff (or the service itself) did. */
public enum AuditAction {
    VIEWED("Viewed"),
    EXPORTED("Exported"),
    CREATED("Created"),
    EDITED("Edited"),
    DELETED("Deleted"),
    REVIEWED("Reviewed"),
    APPROVED("Approved"),
    WITHDRAWN("Withdrew"),
    IMPORTED("Imported"),
    ERASED("Erased"),
    REDACTED("Redacted"),
    ACCOUNT_CHANGED("Changed an account"),
    STARTED("Started"),
    SIGNED_IN("Signed in"),
    SIGNIN_FAILED("Sign-in failed");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
