package org.survivorvoice.encryption;

import java.nio.charset.StandardCharsets;

/**
 * Where a value lives: bound to its ciphertext as associated data, so that a value moved to
 * another document or field no longer decrypts.
 *
 * @param collection the collection
 * @param owner      the document it belongs to: its {@code _id} (for quotes, the comment it quotes: one quote per comment)
 * @param path       the field, dotted ({@code answers.police-comment}, {@code machine.themes.0.evidence})
 */
public record Place(String collection, String owner, String path) {

    public Place {
        if (collection == null || owner == null || path == null) {
            throw new IllegalArgumentException("A place needs its collection, document and field: " + collection + ", " + owner + ", " + path);
        }
    }

    /** Unambiguous whatever the parts hold: each part is preceded by its length. */
    byte[] associatedData(String keyId) {
        StringBuilder data = new StringBuilder("survivor-voice/1");
        for (String part : new String[] {keyId, collection, owner, path}) {
            data.append('|').append(part.length()).append(':').append(part);
        }
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** For messages: never the text, only where it is. */
    @Override
    public String toString() {
        return collection + " " + owner + " field " + path;
    }
}
