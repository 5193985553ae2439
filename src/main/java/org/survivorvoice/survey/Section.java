package org.survivorvoice.survey;

import java.util.List;

/** A group of questions shown together: one page when an officer records, one fieldset group on the public form. */
public record Section(String id, String title, String intro, String agency, List<Question> questions) {

    public Section {
        questions = List.copyOf(questions);
    }
}
