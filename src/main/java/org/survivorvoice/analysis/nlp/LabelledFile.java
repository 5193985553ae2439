package org.survivorvoice.analysis.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads labelled comment files in the codebook's format: tab-separated, UTF-8, a header line,
 * columns {@code id agency sentiment clear themes text}. A malformed line is an error naming the
 * file and line, not a silently skipped example.
 */
public final class LabelledFile {

    static final String HEADER = "id\tagency\tsentiment\tclear\tthemes\ttext";
    static final Set<String> AGENCIES = Set.of("police", "courts", "civil-courts", "marac", "social-services", "housing", "gp",
            "maternity", "a-and-e", "mental-health", "specialist-service");

    private LabelledFile() {
    }

    public static List<LabelledComment> read(Path file, Set<String> themeIds) {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8), themeIds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<LabelledComment> parse(String name, List<String> lines, Set<String> themeIds) {
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").strip().equals(HEADER)) {
            throw new IllegalArgumentException(name + ": the first line must be the header: " + HEADER.replace("\t", "<tab>"));
        }
        List<LabelledComment> comments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = name + " line " + (i + 1);
            String[] columns = line.split("\t", -1);
            if (columns.length != 6) {
                throw new IllegalArgumentException(where + ": expected 6 tab-separated columns, found " + columns.length);
            }
            String id = columns[0].strip();
            if (id.isEmpty() || !ids.add(id)) {
                throw new IllegalArgumentException(where + ": the id '" + id + "' is empty or used twice");
            }
            String agency = columns[1].strip();
            if (!agency.isEmpty() && !AGENCIES.contains(agency)) {
                throw new IllegalArgumentException(where + ": unknown agency '" + agency + "'");
            }
            Sentiment sentiment = Sentiment.fromValue(columns[2].strip()).orElseThrow(() ->
                    new IllegalArgumentException(where + ": unknown sentiment '" + columns[2] + "'"));
            String clear = columns[3].strip();
            if (!clear.equals("y") && !clear.equals("n")) {
                throw new IllegalArgumentException(where + ": 'clear' must be y or n, not '" + clear + "'");
            }
            Set<String> themes = new LinkedHashSet<>();
            for (String theme : columns[4].split(";")) {
                String t = theme.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (!themeIds.contains(t)) {
                    throw new IllegalArgumentException(where + ": unknown theme '" + t + "'");
                }
                themes.add(t);
            }
            String text = columns[5].strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(where + ": the text is empty");
            }
            comments.add(new LabelledComment(id, agency.isEmpty() ? null : agency, sentiment, clear.equals("y"), themes, text, 1.0));
        }
        return comments;
    }

    /** All {@code *.tsv} files of a folder, in name order. */
    public static List<LabelledComment> readFolder(Path folder, Set<String> themeIds) {
        try (var files = Files.list(folder)) {
            List<LabelledComment> all = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted()
                    .forEach(f -> all.addAll(read(f, themeIds)));
            Set<String> ids = new HashSet<>();
            all.forEach(c -> {
                if (!ids.add(c.id())) {
                    throw new IllegalArgumentException(folder + ": the id '" + c.id() + "' is used in two files");
                }
            });
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

}
