package org.survivorvoice.quote;

import java.util.List;

/** The quote cannot be approved as it stands; nothing was stored. */
public class InvalidQuoteException extends RuntimeException {

    private final transient List<QuoteError> errors;

    public InvalidQuoteException(List<QuoteError> errors) {
        super(errors.size() + " problem(s) with the quote");
        this.errors = List.copyOf(errors);
    }

    public List<QuoteError> errors() {
        return errors;
    }
}
