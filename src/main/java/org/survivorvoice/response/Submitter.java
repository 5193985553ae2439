package org.survivorvoice.response;

/**
 * Who hands in a response: nobody (an anonymous form) or a signed-in member of staff.
 *
 * @param username null for an anonymous response
 */
public record Submitter(String username) {

    public static final Submitter ANONYMOUS = new Submitter(null);

    public static Submitter staff(String username) {
        return new Submitter(java.util.Objects.requireNonNull(username));
    }

    public boolean isAnonymous() {
        return username == null;
    }
}
