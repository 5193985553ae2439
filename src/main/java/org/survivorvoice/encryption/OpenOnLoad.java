package org.survivorvoice.encryption;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.stereotype.Component;

/**
 * Decrypts free text in every document read as an entity (find, findAndModify, repositories),
 * before it is turned into the entity. Reads as {@link Document} are left as stored: those are
 * for code that wants the raw form (counting, re-encryption, export).
 */
@Component
class OpenOnLoad extends AbstractMongoEventListener<Object> {

    private final FreeTextEncryption encryption;

    OpenOnLoad(FreeTextEncryption encryption) {
        this.encryption = encryption;
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<Object> event) {
        if (event.getType() != null && Document.class.isAssignableFrom(event.getType())) {
            return;
        }
        String collection = event.getCollectionName();
        if (collection != null && FreeTextFields.holdsFreeText(collection)) {
            encryption.openAll(collection, event.getDocument());
        }
    }
}
