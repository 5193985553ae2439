package org.survivorvoice.response;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;
import org.survivorvoice.survey.Scale5;

/**
 * Checks answers against their questions and brings them to one stored form, whether they came as
 * JSON or from an HTML form. Normalised values: scale5, single, yes-no, date (ISO) and text as
 * strings; multi and text-list as lists of strings; number as an Integer; themes as a list of
 * {@code {theme, finding}} maps. Blank answers count as not given.
 */
@Component
public class AnswerValidator {

    /** The earliest date an interview or group can be given. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Codebook codebook;
    private final Clock clock;

    public AnswerValidator(Codebook codebook, Clock clock) {
        this.codebook = codebook;
        this.clock = clock;
    }

    /** A whole submission: every question of the instrument, and nothing that is not one of them. */
    public ValidatedAnswers validateSubmission(Instrument instrument, Map<String, ?> raw) {
        List<AnswerError> errors = new ArrayList<>();
        for (String key : raw.keySet()) {
            if (instrument.question(key).isEmpty()) {
                errors.add(new AnswerError(key, "unknown-question"));
            }
        }
        ValidatedAnswers checked = validate(instrument.questions(), raw, true);
        errors.addAll(checked.errors());
        if (errors.isEmpty() && checked.answers().isEmpty()) {
            errors.add(new AnswerError("answers", "empty"));
        }
        return new ValidatedAnswers(checked.answers(), errors);
    }

    /**
     * Some questions (one section of a draft). {@code raw} may hold answers to other questions too,
     * already normalised; they are only consulted for limits such as {@code maxOf}.
     *
     * @param enforceRequired false to keep a draft with required answers still missing
     */
    public ValidatedAnswers validate(Collection<Question> questions, Map<String, ?> raw, boolean enforceRequired) {
        Set<String> scope = new HashSet<>();
        questions.forEach(q -> scope.add(q.id()));
        Map<String, Object> answers = new LinkedHashMap<>();
        List<AnswerError> errors = new ArrayList<>();
        for (Question question : questions) {
            Object value = blankToNull(raw.get(question.id()));
            if (value == null) {
                if (enforceRequired && question.required()) {
                    errors.add(new AnswerError(question.id(), requiredCode(question.type()), question.text()));
                }
                continue;
            }
            if (value instanceof InvalidInput invalid) {
                errors.add(new AnswerError(question.id(), invalid.code(), question.text()));
                continue;
            }
            int before = errors.size();
            Object normalised = normalise(question, value, raw, answers, scope, errors);
            if (errors.size() == before && normalised != null) {
                answers.put(question.id(), normalised);
            } else if (errors.size() == before && enforceRequired && question.required()) {
                errors.add(new AnswerError(question.id(), requiredCode(question.type()), question.text()));
            }
        }
        return new ValidatedAnswers(answers, errors);
    }

    private Object normalise(Question q, Object value, Map<String, ?> raw, Map<String, Object> done, Set<String> scope,
                             List<AnswerError> errors) {
        return switch (q.type()) {
            case SCALE5 -> value instanceof String s && Scale5.fromValue(s).isPresent()
                    ? s : error(errors, q.id(), "scale5.invalid", q.text(), Scale5.allValues());
            case SINGLE -> value instanceof String s && q.option(s).isPresent()
                    ? s : error(errors, q.id(), "option.invalid", q.text());
            case MULTI -> multi(q, value, errors);
            case YES_NO -> yesNo(value) != null ? yesNo(value) : error(errors, q.id(), "yes-no.invalid", q.text());
            case TEXT -> value instanceof String s ? text(q.id(), s, q.maxLength(), errors) : error(errors, q.id(), "text.type", q.text());
            case DATE -> date(q, value, errors);
            case NUMBER -> number(q, value, raw, done, scope, errors);
            case THEMES -> themes(q, value, errors);
            case TEXT_LIST -> textList(q, value, errors);
        };
    }

    private static Object multi(Question q, Object value, List<AnswerError> errors) {
        if (!(value instanceof List<?> list)) {
            return error(errors, q.id(), "multi.type", q.text());
        }
        Set<String> chosen = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof String s) || q.option(s).isEmpty()) {
                return error(errors, q.id(), "option.invalid", q.text());
            }
            if (!chosen.add(s)) {
                return error(errors, q.id(), "multi.duplicate", q.text());
            }
        }
        // In the instrument's order, so that equal answers are stored equally.
        List<String> ordered = q.options().stream().map(o -> o.id()).filter(chosen::contains).toList();
        return ordered.isEmpty() ? null : ordered;
    }

    private static String yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return "yes".equals(value) || "no".equals(value) ? (String) value : null;
    }

    private static Object text(String field, String value, int maxLength, List<AnswerError> errors) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            return error(errors, field, "text.too-long", String.format("%,d", maxLength), String.format("%,d", length));
        }
        if (text.chars().anyMatch(AnswerValidator::isControlCharacter)) {
            return error(errors, field, "text.control-characters");
        }
        // An unpaired surrogate (broken UTF-16) or U+FFFD (bytes that were not UTF-8): the text did not arrive intact.
        if (text.codePoints().anyMatch(c -> (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) || c == 0xFFFD)) {
            return error(errors, field, "text.unreadable");
        }
        return text;
    }

    private Object date(Question q, Object value, List<AnswerError> errors) {
        if (!(value instanceof String s)) {
            return error(errors, q.id(), "date.invalid", q.text());
        }
        LocalDate date;
        try {
            date = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return error(errors, q.id(), "date.invalid", q.text());
        }
        if (date.isAfter(LocalDate.now(clock))) {
            return error(errors, q.id(), "date.future", q.text());
        }
        if (date.isBefore(EARLIEST)) {
            return error(errors, q.id(), "date.too-early", q.text(), EARLIEST.getYear());
        }
        return date.toString();
    }

    private static Object number(Question q, Object value, Map<String, ?> raw, Map<String, Object> done, Set<String> scope,
                                 List<AnswerError> errors) {
        Long number = wholeNumber(value);
        if (number == null) {
            return error(errors, q.id(), "number.invalid", q.text());
        }
        if (number < q.min() || number > q.max()) {
            return error(errors, q.id(), "number.range", q.text(), q.min(), q.max());
        }
        if (q.maxOf() != null) {
            // The cap counts only when valid: checked in this pass, or (outside it) already stored.
            Object cap = scope.contains(q.maxOf()) ? done.get(q.maxOf()) : raw.get(q.maxOf());
            if (cap instanceof Number capNumber && number > capNumber.longValue()) {
                return error(errors, q.id(), "number.max-of", q.text(), capNumber.longValue());
            }
        }
        return number.intValue();
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 63 ? big.longValue() : null;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
                return null;
            }
            BigDecimal decimal = new BigDecimal(value.toString());
            try {
                return decimal.stripTrailingZeros().scale() <= 0 ? decimal.longValueExact() : null;
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private Object themes(Question q, Object value, List<AnswerError> errors) {
        if (!(value instanceof List<?> list)) {
            return error(errors, q.id(), "themes.type", q.text());
        }
        if (list.size() > codebook.themes().size()) {
            return error(errors, q.id(), "themes.duplicate", q.text());
        }
        List<Map<String, String>> themes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = errors.size();
        for (int i = 0; i < list.size(); i++) {
            String field = q.id() + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item) || !Set.of("theme", "finding").containsAll(item.keySet())) {
                error(errors, field, "themes.type", q.text());
                continue;
            }
            if (!(item.get("theme") instanceof String theme) || !codebook.contains(theme)) {
                error(errors, field + ".theme", "themes.unknown", q.text());
                continue;
            }
            if (!seen.add(theme)) {
                error(errors, field + ".theme", "themes.duplicate", q.text());
                continue;
            }
            if (!(item.get("finding") instanceof String given) || given.isBlank()) {
                error(errors, field + ".finding", "themes.finding-required", codebook.theme(theme).orElseThrow().label());
                continue;
            }
            Object finding = text(field + ".finding", given, Question.TEXT_LIMIT, errors);
            if (finding != null) {
                themes.add(Map.of("theme", theme, "finding", (String) finding));
            }
        }
        if (errors.size() > before || themes.isEmpty()) {
            return null;
        }
        // In codebook order, so that equal answers are stored equally whichever way they came.
        List<String> order = codebook.themes().stream().map(t -> t.id()).toList();
        themes.sort(java.util.Comparator.comparingInt(t -> order.indexOf(t.get("theme"))));
        return themes;
    }

    private static Object textList(Question q, Object value, List<AnswerError> errors) {
        if (!(value instanceof List<?> list)) {
            return error(errors, q.id(), "list.type", q.text());
        }
        if (list.size() > Question.LIST_LIMIT) {
            return error(errors, q.id(), "list.too-many", q.text(), Question.LIST_LIMIT);
        }
        List<String> items = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                error(errors, q.id() + "[" + i + "]", "list.type", q.text());
                continue;
            }
            Object item = text(q.id() + "[" + i + "]", s, q.maxLength(), errors);
            if (item != null) {
                items.add((String) item);
            }
        }
        return errors.size() > before || items.isEmpty() ? null : items;
    }

    /** C0 controls (but tab, line feed, carriage return), DEL and the C1 controls. */
    static boolean isControlCharacter(int c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    private static Object blankToNull(Object value) {
        if (value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        return value;
    }

    private static String requiredCode(QuestionType type) {
        return switch (type) {
            case TEXT, TEXT_LIST, NUMBER -> "required.enter";
            case DATE -> "required.date";
            default -> "required.choose";
        };
    }

    private static Object error(List<AnswerError> errors, String field, String code, Object... args) {
        errors.add(new AnswerError(field, code, args));
        return null;
    }
}
