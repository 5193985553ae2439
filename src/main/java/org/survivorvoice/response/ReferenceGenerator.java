package org.survivorvoice.response;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * References for staff records, such as {@code SV-7K3Q-9D2M}: random (they reveal neither order nor
 * date), short enough to write in a case file, in Crockford's base 32 (no I, L, O or U to misread).
 */
@Component
public class ReferenceGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder reference = new StringBuilder("SV-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
