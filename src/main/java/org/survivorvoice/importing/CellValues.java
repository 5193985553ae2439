package org.survivorvoice.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.survivorvoice.response.AnswerValidator;
import org.survivorvoice.response.InvalidInput;
import org.survivorvoice.survey.Option;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.Scale5;

/**
 * Turns one CSV cell into the answer {@link AnswerValidator} checks, as the form and the API would
 * send it. Spreadsheet spellings are accepted: scale and option labels as well as ids (case does
 * not matter), yes/no as y/n or true/false, multi answers separated by semicolons, and UK dates
 * (14/10/2015) as well as ISO ones. A blank cell is null (not answered); a value that cannot be
 * read is an {@link InvalidInput} whose code names the problem (message key {@code answer.<code>}).
 */
final class CellValues {

    /** Separates the answers of a multi question in one cell. */
    static final String MULTI_SEPARATOR = ";";

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK)
            .withResolverStyle(ResolverStyle.STRICT);

    private CellValues() {
    }

    static Object read(Question question, String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String value = cell.strip();
        return switch (question.type()) {
            case SCALE5 -> scale(value).<Object>map(Scale5::value).orElse(new InvalidInput("csv.scale5"));
            case SINGLE -> option(question, value).<Object>map(Option::id).orElse(new InvalidInput("csv.option"));
            case MULTI -> multi(question, value);
            case YES_NO -> yesNo(value);
            case TEXT -> cell;
            case DATE -> date(value);
            case NUMBER -> number(value);
            case THEMES, TEXT_LIST -> new InvalidInput("csv.unsupported");
        };
    }

    static Optional<Scale5> scale(String value) {
        return Arrays.stream(Scale5.values())
                .filter(s -> same(s.value(), value) || same(s.label(), value))
                .findFirst();
    }

    static Optional<Option> option(Question question, String value) {
        return question.options().stream().filter(o -> same(o.id(), value) || same(o.label(), value)).findFirst();
    }

    private static Object multi(Question question, String value) {
        List<String> chosen = new ArrayList<>();
        for (String item : value.split(MULTI_SEPARATOR, -1)) {
            if (item.isBlank()) {
                continue;
            }
            Optional<Option> option = option(question, item.strip());
            if (option.isEmpty()) {
                return new InvalidInput("csv.multi");
            }
            chosen.add(option.get().id());
        }
        return chosen.isEmpty() ? null : chosen;
    }

    private static Object yesNo(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true" -> "yes";
            case "no", "n", "false" -> "no";
            default -> new InvalidInput("csv.yes-no");
        };
    }

    /** ISO (2015-10-14) or UK day first (14/10/2015, 4/1/2016), as an ISO string. */
    private static Object date(String value) {
        try {
            return value.contains("/") ? LocalDate.parse(value, UK_DATE).toString()
                    : LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).toString();
        } catch (DateTimeParseException e) {
            return new InvalidInput("csv.date");
        }
    }

    private static Object number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return new InvalidInput("number.invalid");
        }
    }

    /** Equal ignoring case and runs of spaces ("Very  Positive" is "Very positive"). */
    private static boolean same(String expected, String given) {
        return expected.equalsIgnoreCase(given.replaceAll("\\s+", " "));
    }
}
