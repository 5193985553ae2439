package org.survivorvoice.erasure;

/**
 * Why a record cannot be erased: the reference is not one ({@link #invalid}, a 400) or no record has
 * it ({@link #unknown}, a 404). The message is ours; it quotes the reference only once it is known
 * to be well formed.
 */
public class ErasureProblem extends RuntimeException {

    private final int status;

    private ErasureProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    static ErasureProblem invalid() {
        return new ErasureProblem(400, "Enter a record reference such as SV-7K3Q-9D2M");
    }

    static ErasureProblem unknown(String reference) {
        return new ErasureProblem(404, "There is no record with the reference " + reference + ". It may have been erased already.");
    }

    public int status() {
        return status;
    }
}
