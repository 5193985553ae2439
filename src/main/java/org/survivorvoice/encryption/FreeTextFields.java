package org.survivorvoice.encryption;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.InstrumentVersions;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where free text lives in the stored documents:
 *
 * <ul>
 *   <li>{@code responses} and {@code drafts}: the answers to {@code text}, {@code text-list} and {@code themes} questions
 *       (a form's comments, interview notes, focus group findings and quotes), as the instrument version says;</li>
 *   <li>{@code comments}: {@code text}, and the words of it the analysis quotes as evidence
 *       ({@code machine.sentimentEvidence}, {@code machine.themes.<n>.evidence});</li>
 *   <li>{@code quotes}: {@code text}, the officer's anonymised version;</li>
 *   <li>{@code analysis_models}: {@code bytes}, a trained model, whose vocabulary holds the words (names and places too)
 *       of the comments it learnt from.</li>
 * </ul>
 *
 * Report aggregates, imports, accounts and instrument copies hold no free text.
 */
@Component
public class FreeTextFields {

    public static final String RESPONSES = "responses";
    public static final String DRAFTS = "drafts";
    public static final String COMMENTS = "comments";
    public static final String QUOTES = "quotes";
    public static final String MODELS = "analysis_models";
    /** The collections that hold free text, in the order they are re-encrypted. */
    public static final List<String> COLLECTIONS = List.of(RESPONSES, DRAFTS, COMMENTS, QUOTES, MODELS);

    /** The top-level fields under which each collection may hold free text. */
    private static final Map<String, List<String>> ROOTS = Map.of(
            RESPONSES, List.of("answers"),
            DRAFTS, List.of("answers"),
            COMMENTS, List.of("text", "machine"),
            QUOTES, List.of("text"),
            MODELS, List.of("bytes"));

    private final ObjectProvider<InstrumentVersions> versions;
    private final ObjectProvider<InstrumentCatalogue> catalogue;

    FreeTextFields(ObjectProvider<InstrumentVersions> versions, ObjectProvider<InstrumentCatalogue> catalogue) {
        this.versions = versions;
        this.catalogue = catalogue;
    }

    public static boolean holdsFreeText(String collection) {
        return ROOTS.containsKey(collection);
    }

    static List<String> roots(String collection) {
        return ROOTS.getOrDefault(collection, List.of());
    }

    /** Answers to these question types are free text. */
    public static boolean isFreeText(QuestionType type) {
        return type == QuestionType.TEXT || type == QuestionType.TEXT_LIST || type == QuestionType.THEMES;
    }

    /** The document a value is bound to: its {@code _id}; for a quote, the comment it quotes (its id is made by the upsert). */
    static String owner(String collection, Document document) {
        Object owner = QUOTES.equals(collection) ? document.get("commentId") : document.get("_id");
        return owner == null ? null : owner.toString();
    }

    /** The paths of the free-text values this document holds (whether encrypted yet or not). */
    Mono<List<String>> paths(String collection, Document document) {
        return switch (collection) {
            case RESPONSES, DRAFTS -> freeTextQuestions(collection, document).map(ids -> answerPaths(document, ids));
            case COMMENTS, QUOTES, MODELS -> Mono.just(fixedPaths(collection, document));
            default -> Mono.just(List.of());
        };
    }

    /** For the collections whose free text does not depend on an instrument: comments, quotes and models. */
    static List<String> fixedPaths(String collection, Document document) {
        List<String> paths = new ArrayList<>();
        if (MODELS.equals(collection)) {
            if (document.get("bytes") != null) {
                paths.add("bytes");
            }
            return paths;
        }
        if (document.get("text") != null) {
            paths.add("text");
        }
        if (COMMENTS.equals(collection) && document.get("machine") instanceof Document machine) {
            if (machine.get("sentimentEvidence") != null) {
                paths.add("machine.sentimentEvidence");
            }
            if (machine.get("themes") instanceof List<?> themes) {
                for (int i = 0; i < themes.size(); i++) {
                    if (themes.get(i) instanceof Document theme && theme.get("evidence") != null) {
                        paths.add("machine.themes." + i + ".evidence");
                    }
                }
            }
        }
        return paths;
    }

    private static List<String> answerPaths(Document document, Set<String> freeTextQuestions) {
        if (!(document.get("answers") instanceof Document answers)) {
            return List.of();
        }
        return answers.entrySet().stream()
                .filter(answer -> answer.getValue() != null && freeTextQuestions.contains(answer.getKey()))
                .map(answer -> "answers." + answer.getKey())
                .toList();
    }

    /**
     * The free-text questions of the instrument version the answers belong to; for a draft also those
     * of the instrument's current version, which a draft is answered against.
     */
    private Mono<Set<String>> freeTextQuestions(String collection, Document document) {
        String instrumentId = document.getString("instrumentId");
        Object version = document.get("instrumentVersion");
        if (instrumentId == null || !(version instanceof Number number)) {
            return Mono.error(new IllegalStateException("A document in " + collection + " names no instrument version: "
                    + "which of its answers are free text cannot be told"));
        }
        Flux<Instrument> instruments = versions.getObject().find(instrumentId, number.intValue()).flux();
        if (DRAFTS.equals(collection)) {
            instruments = instruments.concatWith(Mono.justOrEmpty(catalogue.getObject().find(instrumentId)));
        }
        return instruments.collectList().flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.error(new IllegalStateException("A document in " + collection + " answers " + instrumentId
                        + " version " + version + ", which is not known: which of its answers are free text cannot be told"));
            }
            Set<String> ids = new LinkedHashSet<>();
            found.forEach(instrument -> instrument.questions().stream()
                    .filter(question -> isFreeText(question.type())).map(Question::id).forEach(ids::add));
            return Mono.just(ids);
        });
    }

    /** The value at a dotted path ({@code machine.themes.0.evidence}), or null. */
    static Object get(Document document, String path) {
        Object current = document;
        for (String part : path.split("\\.")) {
            if (current instanceof Document d) {
                current = d.get(part);
            } else if (current instanceof List<?> list && isIndex(part) && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return current;
    }

    /** Replaces the value at a dotted path that {@link #get} found. */
    @SuppressWarnings("unchecked")
    static void set(Document document, String path, Object value) {
        int dot = path.lastIndexOf('.');
        Object parent = dot < 0 ? document : get(document, path.substring(0, dot));
        String last = path.substring(dot + 1);
        if (parent instanceof Document d) {
            d.put(last, value);
        } else if (parent instanceof List<?> list && isIndex(last)) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        } else {
            throw new IllegalArgumentException("No field " + path);
        }
    }

    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.length() < 6 && part.chars().allMatch(Character::isDigit);
    }
}
