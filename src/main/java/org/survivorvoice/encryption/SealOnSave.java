package org.survivorvoice.encryption;

import org.bson.Document;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.ReactiveBeforeSaveCallback;
import org.springframework.stereotype.Component;

/**
 * Encrypts the free text of every entity written through the template or a repository (insert,
 * save), in the document about to be written: the entity itself keeps its plain text.
 */
@Component
class SealOnSave implements ReactiveBeforeSaveCallback<Object>, Ordered {

    private final FreeTextEncryption encryption;

    SealOnSave(FreeTextEncryption encryption) {
        this.encryption = encryption;
    }

    @Override
    public Publisher<Object> onBeforeSave(Object entity, Document document, String collection) {
        return encryption.sealAll(collection, document).thenReturn(entity);
    }

    /** Last: after any other callback has had its say about the document. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
