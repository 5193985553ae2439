package org.survivorvoice.survey;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of question an instrument can ask; {@link #id()} is how YAML and JSON name them. */
public enum QuestionType {
    SCALE5("scale5"),
    SINGLE("single"),
    MULTI("multi"),
    YES_NO("yes-no"),
    TEXT("text"),
    DATE("date"),
    NUMBER("number"),
    THEMES("themes"),
    TEXT_LIST("text-list");

    private final String id;

    QuestionType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTI;
    }

    public static Optional<QuestionType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static String allIds() {
        return Arrays.stream(values()).map(QuestionType::id).collect(Collectors.joining(", "));
    }
}
