package org.survivorvoice.period;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK financial-year quarter: Q1 April–June, Q2 July–September, Q3 October–December, Q4
 * January–March. Written {@code 2015/16-Q2}; the year is the financial year that starts in April.
 *
 * @param startYear the calendar year in which the financial year starts (2015 for 2015/16)
 * @param quarter   1 to 4
 */
public record FinancialQuarter(int startYear, int quarter) implements Comparable<FinancialQuarter> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})/(\\d{2})[- ]Q([1-4])");

    public FinancialQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4, not " + quarter);
        }
        if (startYear < 1900 || startYear > 9998) {
            throw new IllegalArgumentException("year out of range: " + startYear);
        }
    }

    public static FinancialQuarter of(LocalDate day) {
        int month = day.getMonthValue();
        int startYear = month >= 4 ? day.getYear() : day.getYear() - 1;
        int quarter = month >= 4 ? (month - 4) / 3 + 1 : 4;
        return new FinancialQuarter(startYear, quarter);
    }

    /** Reads {@code 2015/16-Q2} or {@code 2015/16 Q2}. */
    public static FinancialQuarter parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a quarter such as 2015/16-Q2");
        }
        int startYear = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != (startYear + 1) % 100) {
            throw new IllegalArgumentException("'" + text + "': the financial year " + m.group(1) + "/" + m.group(2) + " does not exist");
        }
        return new FinancialQuarter(startYear, Integer.parseInt(m.group(3)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(quarter == 4 ? startYear + 1 : startYear, quarter == 4 ? 1 : 3 * quarter + 1, 1);
    }

    public LocalDate lastDay() {
        return next().firstDay().minusDays(1);
    }

    public FinancialQuarter next() {
        return quarter == 4 ? new FinancialQuarter(startYear + 1, 1) : new FinancialQuarter(startYear, quarter + 1);
    }

    public FinancialQuarter previous() {
        return quarter == 1 ? new FinancialQuarter(startYear - 1, 4) : new FinancialQuarter(startYear, quarter - 1);
    }

    /** {@code 2015/16 Q2}, for people. */
    public String label() {
        return String.format("%d/%02d Q%d", startYear, (startYear + 1) % 100, quarter);
    }

    /** {@code 2015/16-Q2}, for URLs, the API and storage (sorts in time order). */
    @Override
    public String toString() {
        return String.format("%d/%02d-Q%d", startYear, (startYear + 1) % 100, quarter);
    }

    @Override
    public int compareTo(FinancialQuarter other) {
        return startYear != other.startYear ? Integer.compare(startYear, other.startYear) : Integer.compare(quarter, other.quarter);
    }
}
