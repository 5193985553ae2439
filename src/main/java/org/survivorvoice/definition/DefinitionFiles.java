package org.survivorvoice.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;

/** Reads definition files as UTF-8 text. */
public final class DefinitionFiles {

    private DefinitionFiles() {
    }

    public static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name(resource) + ": " + e.getMessage(), e);
        }
    }

    /** The file name for messages: "surveys/interview.yaml" rather than a long URL. */
    public static String name(Resource resource) {
        String description = resource.getFilename() == null ? resource.getDescription() : resource.getFilename();
        try {
            String path = resource.getURI().toString();
            int surveys = path.lastIndexOf("/surveys/");
            int models = path.lastIndexOf("/nlp-models/");
            int cut = Math.max(surveys, models);
            return cut >= 0 ? path.substring(cut + 1) : description;
        } catch (IOException e) {
            return description;
        }
    }
}
