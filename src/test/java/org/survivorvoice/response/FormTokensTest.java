package org.survivorvoice.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormTokensTest {

    static final String KEY = "a-test-key-of-at-least-32-characters!";
    static final Instant NOON = Instant.parse("2025-06-02T12:00:00Z");

    static FormTokens tokens(String key, Instant now) {
        return new FormTokens(new FormTokenProperties(key, Duration.ofHours(12)), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsValidForItsOwnFormOnly() {
        FormTokens tokens = tokens(KEY, NOON);
        String token = tokens.issue("feedback");
        assertThat(tokens.isValid("feedback", token)).isTrue();
        assertThat(tokens.isValid("other-form", token)).isFalse();
    }

    @Test
    void aTokenHoldsTheHourItWasIssuedAndNothingFiner() {
        String token = tokens(KEY, NOON.plusSeconds(59 * 60 + 59)).issue("feedback");
        assertThat(token).startsWith(NOON.getEpochSecond() / 3600 + ".");
        assertThat(token).isEqualTo(tokens(KEY, NOON).issue("feedback"));
    }

    @Test
    void aTokenExpiresTwelveHoursAfterTheHourItWasIssued() {
        String token = tokens(KEY, NOON.plusSeconds(30 * 60)).issue("feedback");
        assertThat(tokens(KEY, NOON.plus(Duration.ofHours(12)).plusSeconds(59 * 60)).isValid("feedback", token)).isTrue();
        assertThat(tokens(KEY, NOON.plus(Duration.ofHours(13))).isValid("feedback", token)).isFalse();
    }

    @Test
    void aTokenFromTheFutureIsAcceptedOnlyWithinAnHour() {
        String token = tokens(KEY, NOON).issue("feedback");
        assertThat(tokens(KEY, NOON.minus(Duration.ofHours(1))).isValid("feedback", token)).isTrue();
        assertThat(tokens(KEY, NOON.minus(Duration.ofHours(2))).isValid("feedback", token)).isFalse();
    }

    @Test
    void anotherKeyOrAnAlteredTokenIsRefused() {
        String token = tokens(KEY, NOON).issue("feedback");
        assertThat(tokens("another-key-of-at-least-32-characters", NOON).isValid("feedback", token)).isFalse();
        // A random key per process: a restart refuses the tokens issued before it.
        assertThat(tokens(null, NOON).isValid("feedback", tokens(null, NOON).issue("feedback"))).isFalse();

        String hour = token.substring(0, token.indexOf('.'));
        String mac = token.substring(token.indexOf('.') + 1);
        String otherHour = String.valueOf(Long.parseLong(hour) - 1);
        char flipped = mac.charAt(5) == 'A' ? 'B' : 'A';
        FormTokens tokens = tokens(KEY, NOON);
        assertThat(tokens.isValid("feedback", otherHour + "." + mac)).as("another hour").isFalse();
        assertThat(tokens.isValid("feedback", hour + "." + mac.substring(0, 5) + flipped + mac.substring(6))).isFalse();
        for (String broken : new String[] {"", ".", hour, hour + ".", "x." + mac, hour + "." + mac + "A", hour + " ." + mac,
                "-" + hour + "." + mac, hour + "." + mac.replace(mac.charAt(0), '+')}) {
            assertThat(tokens.isValid("feedback", broken)).as("'%s'", broken).isFalse();
        }
        assertThat(tokens.isValid("feedback", null)).isFalse();
    }

    @Test
    void aShortKeyOrAValidityUnderAnHourStopsTheStart() {
        assertThatThrownBy(() -> new FormTokenProperties("too short", Duration.ofHours(12)))
                .hasMessageContaining("sv.public.form-token.key must be at least 32 characters");
        assertThatThrownBy(() -> new FormTokenProperties(KEY, Duration.ofMinutes(30)))
                .hasMessageContaining("sv.public.form-token.validity must be at least 1h");
        assertThat(new FormTokenProperties("  ", Duration.ofHours(1)).hasKey()).isFalse();
    }
}
