package org.survivorvoice.encryption;

import java.util.List;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Encrypts free text on its way into the database and decrypts it on its way out, so that the rest
 * of the application only ever sees plain text. Entity writes and reads go through
 * {@link SealOnSave} and {@link OpenOnLoad}; an update that sets free text itself asks
 * {@link #sealForUpdate}.
 *
 * <p>With no key configured, values are stored as they are. Values stored before a key was
 * configured (plain) are read as they are, and encrypted when they are written again or by
 * {@link Rekeying}.
 */
@Component
public class FreeTextEncryption {

    private final FreeTextCipher cipher;
    private final FreeTextFields fields;

    FreeTextEncryption(FreeTextCipher cipher, FreeTextFields fields) {
        this.cipher = cipher;
        this.fields = fields;
    }

    /** Whether new free text is encrypted (a key is configured). */
    public boolean encrypts() {
        return cipher.keyring().encrypts();
    }

    /** The id of the key new values are encrypted with; null when none is configured. */
    public String currentKeyId() {
        return cipher.keyring().currentId();
    }

    FreeTextCipher cipher() {
        return cipher;
    }

    /** Before a document is written: encrypts its plain free-text values with the current key (in place). */
    Mono<Document> sealAll(String collection, Document document) {
        if (!encrypts() || !FreeTextFields.holdsFreeText(collection)) {
            return Mono.just(document);
        }
        return fields.paths(collection, document).map(paths -> {
            String owner = FreeTextFields.owner(collection, document);
            for (String path : paths) {
                Object value = FreeTextFields.get(document, path);
                if (value != null && !FreeTextCipher.isSealed(value)) {
                    if (owner == null) {
                        throw new IllegalStateException("A document of " + collection + " has no id yet: its free text cannot be bound to it");
                    }
                    FreeTextFields.set(document, path, cipher.seal(value, new Place(collection, owner, path)));
                }
            }
            return document;
        });
    }

    /** After a document is read: decrypts every encrypted value in it (in place); plain values stay as they are. */
    public void openAll(String collection, Document document) {
        if (!FreeTextFields.holdsFreeText(collection)) {
            return;
        }
        String owner = FreeTextFields.owner(collection, document);
        forEachSealed(collection, document, (path, sealed) ->
                FreeTextFields.set(document, path, cipher.open(sealed, new Place(collection, owner == null ? "?" : owner, path))));
    }

    /** Calls {@code action} with the path and value of every encrypted value in the document's free-text fields. */
    static void forEachSealed(String collection, Document document, BiConsumer<String, Document> action) {
        for (String root : FreeTextFields.roots(collection)) {
            visit(document.get(root), root, action);
        }
    }

    private static void visit(Object value, String path, BiConsumer<String, Document> action) {
        if (FreeTextCipher.isSealed(value)) {
            action.accept(path, (Document) value);
        } else if (value instanceof Document document) {
            for (String key : List.copyOf(document.keySet())) {
                visit(document.get(key), path + "." + key, action);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visit(list.get(i), path + "." + i, action);
            }
        }
    }

    /**
     * The value to store for an update that sets a field holding free text (as MongoDB stores it:
     * a string, a list, a subdocument): the free text in it encrypted with the current key, or the
     * value itself when no key is configured.
     *
     * @param collection {@code comments} or {@code quotes}
     * @param owner      the comment's id (for a quote, the id of the comment it quotes)
     * @param field      a top-level field ({@code text}, {@code machine})
     */
    public Object sealForUpdate(String collection, String owner, String field, Object value) {
        if (!encrypts() || value == null) {
            return value;
        }
        if (!FreeTextFields.COMMENTS.equals(collection) && !FreeTextFields.QUOTES.equals(collection)) {
            throw new IllegalArgumentException("Updates of free text in " + collection + " are not supported: save the whole document");
        }
        Document probe = new Document(field, value);
        for (String path : FreeTextFields.fixedPaths(collection, probe)) {
            Object plain = FreeTextFields.get(probe, path);
            if (plain != null && !FreeTextCipher.isSealed(plain)) {
                FreeTextFields.set(probe, path, cipher.seal(plain, new Place(collection, owner, path)));
            }
        }
        return probe.get(field);
    }
}
