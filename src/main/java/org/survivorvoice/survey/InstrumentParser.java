package org.survivorvoice.survey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.survivorvoice.definition.DefinitionNode;

/**
 * Reads one instrument file and checks every rule of surveys/README.md, so that a mistake stops
 * start-up with a message naming the file, the question and the problem instead of surfacing
 * later as a form that cannot be answered.
 */
final class InstrumentParser {

    private static final Set<String> INSTRUMENT_KEYS = Set.of(
            "id", "version", "audience", "channel", "title", "description", "dateQuestion", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "intro", "agency", "questions");
    private static final Set<String> QUESTION_KEYS = Set.of(
            "id", "type", "text", "hint", "required", "options", "min", "max", "maxOf", "maxLength", "measure");
    private static final int DEFAULT_MAX = 100_000;

    private final Agencies agencies;

    InstrumentParser(Agencies agencies) {
        this.agencies = agencies;
    }

    /** @param expectedId the id the file name promises ({@code interview} for interview.yaml) */
    Instrument parse(String file, String yaml, String expectedId) {
        DefinitionNode root = DefinitionNode.parse(file, yaml).onlyKeys(INSTRUMENT_KEYS);
        String id = root.requiredId("id");
        if (!id.equals(expectedId)) {
            throw root.problem("the id '" + id + "' does not match the file name (expected '" + expectedId + "')");
        }
        int version = root.optionalInteger("version").orElseThrow(() -> root.problem("'version' is missing"));
        if (version < 1) {
            throw root.problem("'version' must be 1 or more");
        }
        Audience audience = switch (root.requiredText("audience")) {
            case "anonymous" -> Audience.ANONYMOUS;
            case "staff" -> Audience.STAFF;
            default -> throw root.problem("'audience' must be 'anonymous' or 'staff'");
        };
        String channelId = root.requiredText("channel");
        Channel channel = Channel.fromId(channelId).orElseThrow(() -> root.problem("unknown channel '" + channelId
                + "' (expected interview, anonymous-form or focus-group)"));

        Set<String> sectionIds = new HashSet<>();
        Map<String, Question> questions = new HashMap<>();
        Map<Measure, String> measures = new EnumMap<>(Measure.class);
        List<Section> sections = new ArrayList<>();
        for (DefinitionNode node : root.children("sections", "section", true)) {
            sections.add(section(node, sectionIds, questions, measures));
        }

        // A date question posts <id>-day, <id>-month and <id>-year; no other question may be called that.
        for (Question date : questions.values()) {
            if (date.type() == QuestionType.DATE) {
                for (String part : List.of("-day", "-month", "-year")) {
                    if (questions.containsKey(date.id() + part)) {
                        throw root.problem("question '" + date.id() + part + "': the id is taken by the "
                                + part.substring(1) + " field of the date question '" + date.id() + "'");
                    }
                }
            }
        }

        String dateQuestion = root.optionalId("dateQuestion").orElse(null);
        if (audience == Audience.STAFF && dateQuestion == null) {
            throw root.problem("'dateQuestion' is missing: a staff record needs the date that places it in a quarter");
        }
        if (audience == Audience.ANONYMOUS && dateQuestion != null) {
            throw root.problem("'dateQuestion' is for staff instruments: an anonymous response is dated by the day it arrives");
        }
        if (dateQuestion != null) {
            Question date = questions.get(dateQuestion);
            if (date == null || date.type() != QuestionType.DATE || !date.required()) {
                throw root.problem("'dateQuestion' must name a required date question ('" + dateQuestion + "' is not one)");
            }
        }
        return new Instrument(id, version, audience, channel, root.requiredText("title"),
                root.optionalText("description").orElse(null), dateQuestion, sections);
    }

    private Section section(DefinitionNode node, Set<String> sectionIds, Map<String, Question> questions,
                            Map<Measure, String> measures) {
        node.onlyKeys(SECTION_KEYS);
        String id = node.requiredId("id");
        if (!sectionIds.add(id)) {
            throw node.problem("the section id '" + id + "' is used twice");
        }
        String agency = node.optionalId("agency").orElse(null);
        if (agency != null && agencies.agency(agency).isEmpty()) {
            throw node.problem("unknown agency '" + agency + "' (not in agencies.yaml)");
        }
        List<Question> sectionQuestions = new ArrayList<>();
        for (DefinitionNode questionNode : node.children("questions", "question", true)) {
            Question question = question(questionNode, agency, questions, measures);
            questions.put(question.id(), question);
            sectionQuestions.add(question);
        }
        if (agency != null) {
            long ratings = sectionQuestions.stream().filter(Question::isAgencyRating).count();
            long comments = sectionQuestions.stream().filter(Question::isAgencyComment).count();
            if (ratings > 1 || comments > 1) {
                throw node.problem("an agency section has at most one scale5 question (the rating) and one text question (the comment)");
            }
        }
        return new Section(id, node.requiredText("title"), node.optionalText("intro").orElse(null), agency, sectionQuestions);
    }

    private Question question(DefinitionNode node, String agency, Map<String, Question> earlier,
                              Map<Measure, String> measures) {
        node.onlyKeys(QUESTION_KEYS);
        String id = node.requiredId("id");
        if (earlier.containsKey(id)) {
            throw node.problem("the question id '" + id + "' is used twice");
        }
        String typeId = node.requiredText("type");
        QuestionType type = QuestionType.fromId(typeId).orElseThrow(() -> node.problem(
                "unknown type '" + typeId + "' (expected one of " + QuestionType.allIds() + ")"));
        String text = node.requiredText("text");

        List<Option> options = options(node, type);
        onlyFor(node, type, "min", QuestionType.NUMBER);
        onlyFor(node, type, "max", QuestionType.NUMBER);
        onlyFor(node, type, "maxOf", QuestionType.NUMBER);
        onlyFor(node, type, "maxLength", QuestionType.TEXT, QuestionType.TEXT_LIST);

        int min = node.optionalInteger("min").orElse(0);
        int max = node.optionalInteger("max").orElse(DEFAULT_MAX);
        if (min < 0 || max < min) {
            throw node.problem("'min' and 'max' must satisfy 0 <= min <= max (min " + min + ", max " + max + ")");
        }
        String maxOf = node.optionalId("maxOf").orElse(null);
        if (maxOf != null) {
            Question cap = earlier.get(maxOf);
            if (cap == null || cap.type() != QuestionType.NUMBER) {
                throw node.problem("'maxOf' must name an earlier number question ('" + maxOf + "' is not one)");
            }
        }
        int maxLength = node.optionalInteger("maxLength").orElse(Question.TEXT_LIMIT);
        if (maxLength < 1 || maxLength > Question.TEXT_LIMIT) {
            throw node.problem("'maxLength' must be between 1 and " + Question.TEXT_LIMIT);
        }

        Measure measure = null;
        var measureId = node.optionalText("measure");
        if (measureId.isPresent()) {
            measure = Measure.fromId(measureId.get()).orElseThrow(() -> node.problem("unknown measure '" + measureId.get()
                    + "' (see surveys/README.md)"));
            if (!measure.allows(type)) {
                throw node.problem("the measure '" + measure.id() + "' needs a question of type "
                        + measure.types().stream().map(QuestionType::id).sorted().collect(Collectors.joining(" or "))
                        + ", not " + type.id());
            }
            String previous = measures.putIfAbsent(measure, id);
            if (previous != null) {
                throw node.problem("the measure '" + measure.id() + "' is already on question '" + previous + "'");
            }
        }
        return new Question(id, type, text, node.optionalText("hint").orElse(null), node.flag("required", false),
                agency, options, min, max, maxOf, maxLength, measure);
    }

    private static List<Option> options(DefinitionNode node, QuestionType type) {
        List<DefinitionNode> optionNodes = node.children("options", "option", false);
        if (!type.hasOptions()) {
            if (!optionNodes.isEmpty()) {
                throw node.problem("a " + type.id() + " question takes no 'options'");
            }
            return List.of();
        }
        if (optionNodes.size() < 2) {
            throw node.problem("a " + type.id() + " question needs 'options' with at least two choices");
        }
        Set<String> ids = new HashSet<>();
        List<Option> options = new ArrayList<>();
        for (DefinitionNode option : optionNodes) {
            option.onlyKeys(Set.of("id", "label"));
            String optionId = option.requiredId("id");
            if (!ids.add(optionId)) {
                throw option.problem("the option id '" + optionId + "' is used twice");
            }
            options.add(new Option(optionId, option.requiredText("label")));
        }
        return options;
    }

    private static void onlyFor(DefinitionNode node, QuestionType type, String key, QuestionType... allowed) {
        boolean present = switch (key) {
            case "maxOf" -> node.optionalText(key).isPresent();
            default -> node.optionalInteger(key).isPresent();
        };
        if (present && !Set.of(allowed).contains(type)) {
            throw node.problem("'" + key + "' does not apply to a " + type.id() + " question");
        }
    }
}
