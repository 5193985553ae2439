package org.survivorvoice.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.response.AnswerError;
import org.survivorvoice.response.AnswerValidator;
import org.survivorvoice.response.ValidatedAnswers;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.Question;

/**
 * Checks an import file against a staff instrument with the form's own rules ({@link AnswerValidator})
 * and lists every problem by line and column.
 *
 * <p>Columns are the instrument's question ids, in any order; the date question's column must be
 * there. A question whose column is absent was not asked when the file's interviews were held: its
 * rows are stored without it, so reports leave them out of that question's base. A required question
 * whose column is there must be answered in every row.
 */
@Component
class ImportChecker {

    /** Problems listed at most; the count says how many more there are. */
    static final int MAX_PROBLEMS_LISTED = 1000;

    private final AnswerValidator validator;
    private final MessageSource messages;
    private final ImportProperties properties;

    ImportChecker(AnswerValidator validator, MessageSource messages, ImportProperties properties) {
        this.validator = validator;
        this.messages = messages;
        this.properties = properties;
    }

    ImportCheck check(Instrument instrument, byte[] file) {
        CsvFile csv = CsvFile.read(file, properties.maxRows());
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, String> columnNames = new HashMap<>();
        Map<Integer, Question> columns = columns(instrument, csv.header(), columnNames, problems);
        problems.addAll(csv.problems());
        List<Question> asked = instrument.questions().stream().filter(q -> columnNames.containsKey(q.id())).toList();

        List<Map<String, Object>> answers = new ArrayList<>();
        SortedMap<FinancialQuarter, Integer> byQuarter = new TreeMap<>();
        for (CsvFile.Row row : csv.rows()) {
            Map<String, Object> raw = new LinkedHashMap<>();
            columns.forEach((index, question) -> raw.put(question.id(), CellValues.read(question, row.cells().get(index))));
            ValidatedAnswers checked = validator.validate(asked, raw, true);
            for (AnswerError error : checked.errors()) {
                problems.add(new ImportProblem(row.line(), columnNames.get(error.questionId()), message(instrument, error)));
            }
            if (!checked.isValid()) {
                continue;
            }
            Object date = checked.answers().get(instrument.dateQuestion());
            if (checked.answers().size() == (date == null ? 0 : 1)) {
                problems.add(new ImportProblem(row.line(), null, "This row answers no question besides the date."));
                continue;
            }
            answers.add(checked.answers());
            if (date != null) {
                byQuarter.merge(FinancialQuarter.of(LocalDate.parse((String) date)), 1, Integer::sum);
            }
        }
        if (csv.rows().isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(2, null, "The file has no interviews: add one row per interview under the header."));
        }
        problems.sort(java.util.Comparator.comparing(ImportProblem::line, java.util.Comparator.nullsFirst(Integer::compare)));
        return new ImportCheck(csv.fingerprint(instrument.id()), List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_LISTED))),
                problems.size(), answers, byQuarter);
    }

    /** The header's columns that name questions, by position; problems with the header go in {@code problems}. */
    private static Map<Integer, Question> columns(Instrument instrument, List<String> header, Map<String, String> names,
                                                  List<ImportProblem> problems) {
        Map<Integer, Question> columns = new LinkedHashMap<>();
        if (header.isEmpty()) {
            return columns;
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            Optional<Question> question = instrument.question(name.toLowerCase(Locale.ROOT));
            if (name.isEmpty()) {
                problems.add(new ImportProblem(1, null, "Column " + (i + 1) + " has no name. Name it with one of the "
                        + "column names listed on the import page, or delete the column."));
            } else if (question.isEmpty()) {
                problems.add(new ImportProblem(1, name, name.contains(";")
                        ? "The columns seem to be separated by semicolons. Separate them with commas (save as \"CSV UTF-8\")."
                        : "Not a question of the " + instrument.title().toLowerCase(Locale.UK)
                                + ". Use the column names listed on the import page."));
            } else if (names.containsKey(question.get().id())) {
                problems.add(new ImportProblem(1, name, "This column appears more than once."));
            } else {
                names.put(question.get().id(), name);
                columns.put(i, question.get());
            }
        }
        if (instrument.dateQuestion() != null && !names.containsKey(instrument.dateQuestion())) {
            problems.add(new ImportProblem(1, instrument.dateQuestion(), "This column is missing. Every interview needs "
                    + "its date: it places the interview in a quarter."));
        }
        return columns;
    }

    /**
     * The validator's message, but a required answer left blank says why it is required here: its
     * column is in the file (a question not asked then is left out of the file instead).
     */
    private String message(Instrument instrument, AnswerError error) {
        boolean required = error.code().startsWith("required.") && !error.questionId().equals(instrument.dateQuestion());
        return messages.getMessage(required ? new AnswerError(error.field(), "csv.required", error.args()) : error, Locale.UK);
    }
}
