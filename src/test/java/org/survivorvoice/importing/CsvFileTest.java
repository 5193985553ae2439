package org.survivorvoice.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Reading the CSV itself: lines, quoting, encoding, limits. */
class CsvFileTest {

    private static CsvFile read(String text) {
        return CsvFile.read(text.getBytes(StandardCharsets.UTF_8), 100);
    }

    @Test
    void rowsKeepTheLineTheyStartOnCountingTheHeaderAsLineOne() {
        CsvFile file = read("a,b\r\n1,2\r\n\"two\r\nlines\",3\r\n\r\n4,\"with \"\"quotes\"\", and a comma\"\r\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.header()).containsExactly("a", "b");
        assertThat(file.rows()).extracting(CsvFile.Row::line, CsvFile.Row::cells).containsExactly(
                tuple(2, List.of("1", "2")),
                tuple(3, List.of("two\r\nlines", "3")),
                tuple(6, List.of("4", "with \"quotes\", and a comma")));
    }

    @Test
    void aByteOrderMarkIsIgnoredAndHeaderNamesAreStripped() {
        CsvFile file = read("\uFEFF interview-date ,police-rating\n2015-10-14,positive\n");

        assertThat(file.header()).containsExactly("interview-date", "police-rating");
        assertThat(file.rows()).hasSize(1);
    }

    @Test
    void rowsWithOnlyEmptyCellsAreSkippedAsASpreadsheetWritesThem() {
        CsvFile file = read("a,b\n1,2\n,\n , \n3,4\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).extracting(CsvFile.Row::line).containsExactly(2, 5);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() {
        byte[] latin1 = "a,b\n1,2\n3,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        CsvFile file = CsvFile.read(latin1, 100);

        assertThat(file.problems()).containsExactly(new ImportProblem(3, null, CsvFile.NOT_UTF8));
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void somethingAfterAClosingQuoteStopsTheReadingAtThatLine() {
        CsvFile file = read("a,b\n1,2\n3,\"x\"y\n5,6\n");

        assertThat(file.problems()).containsExactly(new ImportProblem(3, null, CsvFile.BROKEN_QUOTES));
        assertThat(file.rows()).extracting(CsvFile.Row::line).containsExactly(2);
    }

    @Test
    void anUnclosedQuoteIsReportedWhereTheRowStarts() {
        CsvFile file = read("a,b\n1,2\n\n3,\"never closed\n5,6\n7,8\n");

        assertThat(file.problems()).containsExactly(new ImportProblem(4, null, CsvFile.BROKEN_QUOTES));
    }

    @Test
    void aRowWithMoreOrFewerCellsThanTheHeaderIsAProblemAndOtherRowsAreStillRead() {
        CsvFile file = read("a,b,c\n1,2\n1,2,3\n1,2,3,4\n");

        assertThat(file.problems()).extracting(ImportProblem::line, ImportProblem::column).containsExactly(
                tuple(2, null), tuple(4, null));
        assertThat(file.problems().get(0).message()).startsWith("This row has 2 cells but the header has 3.");
        assertThat(file.rows()).extracting(CsvFile.Row::line).containsExactly(3);
    }

    @Test
    void oneRowMoreThanTheLimitIsAProblemAndReadingStops() {
        CsvFile file = CsvFile.read("a\n1\n2\n3\n4\n".getBytes(StandardCharsets.UTF_8), 2);

        assertThat(file.rows()).hasSize(2);
        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).startsWith("The file has more than 2 interviews.");
        });
    }

    @Test
    void anEmptyFileIsAProblem() {
        assertThat(read("").problems()).extracting(ImportProblem::message)
                .containsExactly("The file is empty. It needs a header line naming the columns, then one line per interview.");
        assertThat(read("\uFEFF\r\n\r\n").problems()).hasSize(1);
    }

    @Test
    void theFingerprintIsOfTheContentNotOfLineEndingsQuotingOrAByteOrderMark() {
        String plain = read("a,b\n1,two words\n").fingerprint("interview");

        assertThat(read("\uFEFFa,b\r\n1,\"two words\"").fingerprint("interview")).isEqualTo(plain).hasSize(64);
        assertThat(read("a,b\n1,two words\n\n,\n").fingerprint("interview")).isEqualTo(plain);
        assertThat(read("a,b\n1,two  words\n").fingerprint("interview")).isNotEqualTo(plain);
        assertThat(read("a,b\n1,two words\n").fingerprint("focus-group")).isNotEqualTo(plain);
    }
}
