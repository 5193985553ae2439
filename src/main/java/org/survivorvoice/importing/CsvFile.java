package org.survivorvoice.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as read (RFC 4180, UTF-8, a byte order mark ignored): the header, the rows with the
 * line each starts on, and the problems that kept rows from being read. Rows whose cells are all
 * blank (a spreadsheet's empty lines) are left out.
 *
 * @param header the names in the header line, stripped; empty if there is none
 * @param rows   the rows that have as many cells as the header
 */
record CsvFile(List<String> header, List<Row> rows, List<ImportProblem> problems) {

    /** @param line the line of the file the row starts on, the header being line 1 */
    record Row(int line, List<String> cells) {
    }

    static final String NOT_UTF8 = "The file is not UTF-8 text from this line on. In a spreadsheet, save it as "
            + "\"CSV UTF-8 (comma delimited)\" and choose it again.";
    static final String BROKEN_QUOTES = "A quoted cell is broken here: either its closing quote is missing, or "
            + "something other than a comma follows the closing quote. Inside a quoted cell, write a quote as "
            + "two quotes (\"\"). The file was not read past this point.";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    CsvFile {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * @param maxRows the most rows read; one more is reported as a problem and reading stops there
     */
    static CsvFile read(byte[] bytes, int maxRows) {
        String text;
        try {
            text = decode(bytes);
        } catch (NotUtf8 e) {
            return failed(new ImportProblem(e.line, null, NOT_UTF8));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text, maxRows);
    }

    /** A digest of the content (header and rows), whatever the line endings, quoting or byte order mark. */
    String fingerprint(String instrumentId) {
        StringBuilder content = new StringBuilder(instrumentId).append('\u001E');
        content.append(String.join("\u001F", header)).append('\u001E');
        rows.forEach(row -> content.append(String.join("\u001F", row.cells())).append('\u001E'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CsvFile parse(String text, int maxRows) {
        int[] lineStarts = lineStarts(text);
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            int count = 0;
            boolean headerRead = false;
            while (true) {
                long linesRead = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    problems.add(new ImportProblem(firstLineWithText(text, lineStarts, (int) linesRead + 1), null, BROKEN_QUOTES));
                    break;
                }
                // The position is where the parser began, before any empty lines it skipped.
                int line = firstLineWithText(text, lineStarts, lineOf(lineStarts, record.getCharacterPosition()));
                List<String> cells = record.toList();
                if (!headerRead) {
                    headerRead = true;
                    cells.forEach(cell -> header.add(cell.strip()));
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (++count > maxRows) {
                    problems.add(new ImportProblem(line, null, String.format(
                            "The file has more than %,d interviews. Split it into files of %,d rows or fewer; "
                                    + "the file was not read past this line.", maxRows, maxRows)));
                    break;
                }
                if (cells.size() != header.size()) {
                    problems.add(new ImportProblem(line, null, String.format("This row has %d cells but the header has %d. "
                            + "Check for a missing or extra comma, or a cell with a comma in it that is not in quotes.",
                            cells.size(), header.size())));
                    continue;
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(null, null,
                    "The file is empty. It needs a header line naming the columns, then one line per interview."));
        }
        return new CsvFile(header, rows, problems);
    }

    private static CsvFile failed(ImportProblem problem) {
        return new CsvFile(List.of(), List.of(), List.of(problem));
    }

    /** Strict UTF-8: bytes that are not UTF-8 are reported with their line, never replaced. */
    private static String decode(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int position = in.position();
            int line = 1;
            for (int i = 0; i < position; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8(line);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Where each line starts; a line ends with CR LF, LF or a lone CR. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line that holds the character at {@code position}. */
    private static int lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** {@code line}, or the first line after it that is not empty (the parser skips empty lines). */
    private static int firstLineWithText(String text, int[] lineStarts, int line) {
        while (line < lineStarts.length && text.substring(lineStarts[line - 1], lineStarts[line]).isBlank()) {
            line++;
        }
        return Math.min(line, lineStarts.length);
    }

    private static final class NotUtf8 extends Exception {

        private final int line;

        NotUtf8(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
