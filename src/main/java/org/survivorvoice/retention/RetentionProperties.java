package org.survivorvoice.retention;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * How long raw free text is kept ({@code sv.retention.*}).
 *
 * @param enabled   whether the job runs on its schedule (and from the admin page); when off, nothing is redacted
 * @param freeText  how long after a record's day its free text is kept: {@code P24M} (ISO-8601) or {@code 24m};
 *                  at least one month, so that a slip such as {@code P24D} cannot empty the service
 * @param schedule  when the job runs: a Spring cron expression in UK time (second minute hour day month weekday),
 *                  or {@code -} for never on its own
 * @param batchSize records read and redacted at a time
 */
@ConfigurationProperties("sv.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("P24M") Period freeText,
        @DefaultValue("0 30 3 * * *") String schedule,
        @DefaultValue("200") int batchSize) {

    /** The schedule value that turns scheduled runs off. */
    public static final String NEVER = "-";

    public RetentionProperties {
        if (freeText == null || freeText.isNegative() || freeText.toTotalMonths() < 1) {
            throw new IllegalArgumentException("sv.retention.free-text must be at least one month, such as P24M (it is "
                    + freeText + ")");
        }
        if (schedule == null || !(NEVER.equals(schedule.strip()) || CronExpression.isValidExpression(schedule.strip()))) {
            throw new IllegalArgumentException("sv.retention.schedule must be a cron expression such as '0 30 3 * * *' "
                    + "(second, minute, hour, day, month, weekday) or '-' (it is '" + schedule + "')");
        }
        schedule = schedule.strip();
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("sv.retention.batch-size must be from 1 to 10000 (it is " + batchSize + ")");
        }
    }

    public boolean scheduled() {
        return enabled && !NEVER.equals(schedule);
    }

    /** The first day whose free text is kept: records of an earlier day are redacted. */
    public LocalDate cutoff(LocalDate today) {
        return today.minus(freeText);
    }

    /** "24 months", "2 years and 6 months", for the admin page. */
    public String freeTextText() {
        Period period = freeText.normalized();
        StringBuilder text = new StringBuilder();
        append(text, period.getYears(), "year");
        append(text, period.getMonths(), "month");
        append(text, period.getDays(), "day");
        return text.toString();
    }

    private static void append(StringBuilder text, int n, String unit) {
        if (n != 0) {
            if (!text.isEmpty()) {
                text.append(" and ");
            }
            text.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
        }
    }
}
