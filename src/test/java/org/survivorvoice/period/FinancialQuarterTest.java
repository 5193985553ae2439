package org.survivorvoice.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** UK financial-year quarters: April–June is Q1, January–March is Q4 of the year that started the April before. */
class FinancialQuarterTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "2015-04-01, 2015/16-Q1",
            "2015-06-30, 2015/16-Q1",
            "2015-07-01, 2015/16-Q2",
            "2015-09-30, 2015/16-Q2",
            "2015-10-01, 2015/16-Q3",
            "2015-12-31, 2015/16-Q3",
            "2016-01-01, 2015/16-Q4",
            "2016-02-29, 2015/16-Q4",
            "2016-03-31, 2015/16-Q4",
            "2016-04-01, 2016/17-Q1",
            "2000-03-31, 1999/00-Q4",
            "2000-04-01, 2000/01-Q1",
            "2026-11-23, 2026/27-Q3"})
    void aDayBelongsToItsQuarter(LocalDate day, String quarter) {
        assertThat(FinancialQuarter.of(day).toString()).isEqualTo(quarter);
    }

    @Test
    void theQuarterOfADayHasItsStartYearAndNumber() {
        assertThat(FinancialQuarter.of(LocalDate.of(2016, 1, 1))).isEqualTo(new FinancialQuarter(2015, 4));
        assertThat(FinancialQuarter.of(LocalDate.of(2015, 7, 1))).isEqualTo(new FinancialQuarter(2015, 2));
    }

    @Test
    void itIsWrittenWithAHyphenForMachinesAndASpaceForPeople() {
        FinancialQuarter quarter = new FinancialQuarter(2015, 2);

        assertThat(quarter.toString()).isEqualTo("2015/16-Q2");
        assertThat(quarter.label()).isEqualTo("2015/16 Q2");
    }

    @Test
    void theCenturyTurnIsWrittenWithTwoDigits() {
        assertThat(new FinancialQuarter(1999, 4).toString()).isEqualTo("1999/00-Q4");
        assertThat(new FinancialQuarter(1999, 4).label()).isEqualTo("1999/00 Q4");
        assertThat(new FinancialQuarter(2000, 1).toString()).isEqualTo("2000/01-Q1");
        assertThat(new FinancialQuarter(2009, 3).toString()).isEqualTo("2009/10-Q3");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"2015/16-Q2", "2015/16 Q2", "  2015/16-Q2 "})
    void bothWrittenFormsAreRead(String text) {
        assertThat(FinancialQuarter.parse(text)).isEqualTo(new FinancialQuarter(2015, 2));
    }

    @Test
    void theCenturyTurnIsRead() {
        assertThat(FinancialQuarter.parse("1999/00-Q4")).isEqualTo(new FinancialQuarter(1999, 4));
        assertThat(FinancialQuarter.parse("2099/00 Q1")).isEqualTo(new FinancialQuarter(2099, 1));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"2015/17-Q2", "2015/15-Q2", "2015/16-Q5", "2015/16-Q0", "junk", "", "2015/2016-Q2",
            "15/16-Q2", "2015/16Q2", "2015/16-q2", "2015-16-Q2", "2015/16-Q2x"})
    void somethingElseIsRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> FinancialQuarter.parse(text)).withMessageContaining("'" + text + "'");
    }

    @Test
    void aYearThatDoesNotFollowIsNamedInTheMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> FinancialQuarter.parse("2015/17-Q2"))
                .withMessageContaining("2015/17 does not exist");
    }

    @ParameterizedTest(name = "quarter {0}")
    @ValueSource(ints = {0, 5, -1})
    void thereAreFourQuarters(int quarter) {
        assertThatIllegalArgumentException().isThrownBy(() -> new FinancialQuarter(2015, quarter));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                arguments(new FinancialQuarter(2015, 1), LocalDate.of(2015, 4, 1), LocalDate.of(2015, 6, 30)),
                arguments(new FinancialQuarter(2015, 2), LocalDate.of(2015, 7, 1), LocalDate.of(2015, 9, 30)),
                arguments(new FinancialQuarter(2015, 3), LocalDate.of(2015, 10, 1), LocalDate.of(2015, 12, 31)),
                arguments(new FinancialQuarter(2015, 4), LocalDate.of(2016, 1, 1), LocalDate.of(2016, 3, 31)),
                arguments(new FinancialQuarter(1999, 4), LocalDate.of(2000, 1, 1), LocalDate.of(2000, 3, 31)),
                arguments(new FinancialQuarter(2000, 1), LocalDate.of(2000, 4, 1), LocalDate.of(2000, 6, 30)));
    }

    @ParameterizedTest(name = "{0} runs from {1} to {2}")
    @MethodSource("boundaries")
    void aQuarterRunsFromItsFirstToItsLastDay(FinancialQuarter quarter, LocalDate first, LocalDate last) {
        assertThat(quarter.firstDay()).isEqualTo(first);
        assertThat(quarter.lastDay()).isEqualTo(last);
        assertThat(FinancialQuarter.of(first)).isEqualTo(quarter);
        assertThat(FinancialQuarter.of(last)).isEqualTo(quarter);
        assertThat(FinancialQuarter.of(first.minusDays(1))).isEqualTo(quarter.previous());
        assertThat(FinancialQuarter.of(last.plusDays(1))).isEqualTo(quarter.next());
    }

    @Test
    void nextAndPreviousCrossTheYearBetweenQ4AndQ1() {
        assertThat(new FinancialQuarter(2015, 4).next()).isEqualTo(new FinancialQuarter(2016, 1));
        assertThat(new FinancialQuarter(2016, 1).previous()).isEqualTo(new FinancialQuarter(2015, 4));
        assertThat(new FinancialQuarter(1999, 4).next().toString()).isEqualTo("2000/01-Q1");
        assertThat(new FinancialQuarter(2000, 1).previous().toString()).isEqualTo("1999/00-Q4");
        assertThat(new FinancialQuarter(2015, 2).next()).isEqualTo(new FinancialQuarter(2015, 3));
        assertThat(new FinancialQuarter(2015, 2).previous()).isEqualTo(new FinancialQuarter(2015, 1));
    }

    @Test
    void quartersFollowEachOtherWithoutGapsOrOverlaps() {
        FinancialQuarter quarter = new FinancialQuarter(1998, 1);
        for (int i = 0; i < 12 * 4; i++) {
            FinancialQuarter next = quarter.next();
            assertThat(next.firstDay()).as("after %s", quarter).isEqualTo(quarter.lastDay().plusDays(1));
            assertThat(next.previous()).isEqualTo(quarter);
            assertThat(FinancialQuarter.parse(quarter.toString())).isEqualTo(quarter);
            assertThat(FinancialQuarter.parse(quarter.label())).isEqualTo(quarter);
            quarter = next;
        }
    }

    @Test
    void quartersSortInTimeOrderAndSoDoTheirNames() {
        List<FinancialQuarter> quarters = new ArrayList<>(List.of(new FinancialQuarter(2016, 1), new FinancialQuarter(1999, 4),
                new FinancialQuarter(2015, 4), new FinancialQuarter(2000, 1), new FinancialQuarter(2015, 2)));
        quarters.sort(null);

        assertThat(quarters).extracting(FinancialQuarter::toString)
                .containsExactly("1999/00-Q4", "2000/01-Q1", "2015/16-Q2", "2015/16-Q4", "2016/17-Q1")
                .isSorted();
    }
}
