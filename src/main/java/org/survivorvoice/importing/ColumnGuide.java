package org.survivorvoice.importing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;
import org.survivorvoice.survey.Scale5;

/** The columns of an import file, generated from the instrument: the import page's table and the template. */
final class ColumnGuide {

    /**
     * @param values the answers accepted, each as its label and id (both are accepted); empty for free answers
     * @param format how to write the answer
     */
    record Column(String name, String question, List<Value> values, String format, String requirement) {

        public boolean hasValues() {
            return !values.isEmpty();
        }
    }

    record Value(String label, String id) {
    }

    private ColumnGuide() {
    }

    static List<Column> columns(Instrument instrument) {
        return instrument.questions().stream()
                .filter(q -> q.type() != QuestionType.THEMES && q.type() != QuestionType.TEXT_LIST)
                .map(q -> new Column(q.id(), q.text(), values(q), format(q), requirement(instrument, q)))
                .toList();
    }

    /** The template: the header line alone, in the instrument's order (ids never need quoting). */
    static String header(Instrument instrument) {
        return columns(instrument).stream().map(Column::name).collect(Collectors.joining(",")) + "\r\n";
    }

    private static List<Value> values(Question q) {
        return switch (q.type()) {
            case SCALE5 -> Arrays.stream(Scale5.values()).map(s -> new Value(s.label(), s.value())).toList();
            case SINGLE, MULTI -> q.options().stream().map(o -> new Value(o.label(), o.id())).toList();
            default -> List.of();
        };
    }

    private static String format(Question q) {
        return switch (q.type()) {
            case SCALE5, SINGLE -> "One of these, as its label or its id:";
            case MULTI -> "One or more of these, as labels or ids, separated by semicolons (;):";
            case YES_NO -> "Yes or No (Y/N and True/False are also accepted).";
            case TEXT -> String.format("Text, up to %,d characters. Put it in double quotes if it holds a comma, "
                    + "a quote or a line break.", q.maxLength());
            case DATE -> "A date, such as 2015-10-14 or 14/10/2015 (day first).";
            case NUMBER -> String.format("A whole number from %,d to %,d.", q.min(), q.max());
            case THEMES, TEXT_LIST -> "";
        };
    }

    private static String requirement(Instrument instrument, Question q) {
        if (q.id().equals(instrument.dateQuestion())) {
            return "Required column: every row needs it.";
        }
        return q.required() ? "If the column is in the file, every row must answer it. Leave the column out if the "
                + "question was not asked then." : "Optional: leave the cell blank if it was not answered.";
    }
}
