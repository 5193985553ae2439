package org.survivorvoice.form;

import java.util.List;

/** A section of questions; on the public form a group with a heading, for an officer one page. */
public record SectionView(String id, String title, String intro, String agencyDescription, List<QuestionView> questions) {
}
