package org.survivorvoice.survey;

/** Who fills an instrument in: the public, anonymously, or staff recording what a client said. */
public enum Audience {
    ANONYMOUS, STAFF;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
