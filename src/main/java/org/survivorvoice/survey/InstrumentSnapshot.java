package org.survivorvoice.survey;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A copy of one version of an instrument, kept so that responses to it can always be read. */
@Document("instrument_versions")
record InstrumentSnapshot(@Id String id, String instrumentId, int version, String fingerprint, Instrument definition) {

    static String key(String instrumentId, int version) {
        return instrumentId + "@" + version;
    }
}
