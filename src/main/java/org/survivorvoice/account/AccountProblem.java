package org.survivorvoice.account;

/** A request about an account cannot be carried out; the message says why, for the admin. */
public class AccountProblem extends RuntimeException {

    private final String field;

    public AccountProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field at fault. */
    public String field() {
        return field;
    }
}
