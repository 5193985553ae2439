package org.survivorvoice.audit;

/** What kind of thing an action was done to. */
public enum AuditTarget {
    REPORT("Report"),
    RECORD("Record"),
    RECORDS("List of records"),
    COMMENT("Comment"),
    COMMENTS("List of comments"),
    QUOTE("Quote"),
    DRAFT("Draft"),
    IMPORT("Import"),
    ACCOUNT("Account"),
    AGGREGATES("Report aggregates"),
    ANALYSIS("Comment analysis"),
    RETENTION("Retention"),
    AUDIT_LOG("Audit log"),
    ENCRYPTION("Encryption at rest"),
    SESSION("Session");

    private final String label;

    AuditTarget(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
