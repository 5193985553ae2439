package org.survivorvoice.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A questionnaire the service records: the one-to-one interview, the anonymous form, the focus
 * group record. Defined in surveys/&lt;id&gt;.yaml; a response records {@link #id()} and {@link #version()}.
 *
 * @param dateQuestion staff instruments: the date question that places a record in a quarter; null otherwise
 */
public record Instrument(
        String id,
        int version,
        Audience audience,
        Channel channel,
        String title,
        String description,
        String dateQuestion,
        List<Section> sections) {

    public Instrument {
        sections = List.copyOf(sections);
    }

    public boolean isAnonymous() {
        return audience == Audience.ANONYMOUS;
    }

    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    public Optional<Question> question(String questionId) {
        return questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public Optional<Question> questionFor(Measure measure) {
        return questions().stream().filter(q -> q.measure() == measure).findFirst();
    }

    /**
     * A digest of everything that decides how answers are read (ids, types, options, limits,
     * agencies, measures) but not the wording, which may be corrected within a version.
     */
    public String structureFingerprint() {
        String structure = sections.stream().map(section -> section.id() + "[" + section.agency() + "]{"
                + section.questions().stream().map(q -> String.join("|", q.id(), q.type().id(),
                        String.valueOf(q.required()), String.valueOf(q.agency()),
                        q.options().stream().map(Option::id).collect(Collectors.joining(",")),
                        q.min() + ".." + q.max(), String.valueOf(q.maxOf()), String.valueOf(q.maxLength()),
                        q.measure() == null ? "" : q.measure().id()))
                        .collect(Collectors.joining(";")) + "}")
                .collect(Collectors.joining()) + "@" + dateQuestion;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(structure.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
