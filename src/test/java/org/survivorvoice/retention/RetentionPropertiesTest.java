package org.survivorvoice.retention;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPropertiesTest {

    @Test
    void recordsOfADayBeforeThePeriodAreDue() {
        RetentionProperties properties = new RetentionProperties(true, Period.ofMonths(24), "0 30 3 * * *", 200);

        assertThat(properties.cutoff(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(properties.cutoff(LocalDate.of(2026, 2, 28))).isEqualTo(LocalDate.of(2024, 2, 28));
        assertThat(properties.freeTextText()).isEqualTo("2 years");
        assertThat(new RetentionProperties(true, Period.of(1, 6, 0), "-", 200).freeTextText()).isEqualTo("1 year and 6 months");
    }

    @Test
    void aPeriodOfLessThanAMonthIsRefusedSoThatP24DCannotEmptyTheService() {
        assertThatThrownBy(() -> new RetentionProperties(true, Period.ofDays(24), "0 30 3 * * *", 200))
                .hasMessageContaining("sv.retention.free-text").hasMessageContaining("P24M");
        assertThatThrownBy(() -> new RetentionProperties(true, Period.ofMonths(-24), "0 30 3 * * *", 200))
                .hasMessageContaining("sv.retention.free-text");
    }

    @Test
    void theScheduleIsACronExpressionOrADash() {
        assertThat(new RetentionProperties(true, Period.ofMonths(24), "-", 200).scheduled()).isFalse();
        assertThat(new RetentionProperties(false, Period.ofMonths(24), "0 30 3 * * *", 200).scheduled()).isFalse();
        assertThat(new RetentionProperties(true, Period.ofMonths(24), " 0 30 3 * * * ", 200).scheduled()).isTrue();
        assertThatThrownBy(() -> new RetentionProperties(true, Period.ofMonths(24), "daily", 200))
                .hasMessageContaining("sv.retention.schedule");
        assertThatThrownBy(() -> new RetentionProperties(true, Period.ofMonths(24), "-", 0))
                .hasMessageContaining("sv.retention.batch-size");
    }
}
