package org.survivorvoice.response;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The anonymous form's token: proof that a post answers a form this service served for that
 * instrument in the last hours, with nothing kept on the server and no cookie.
 *
 * <p>A token is {@code <hour>.<mac>}: the hour the form was served (hours since 1970, nothing
 * finer) and an HMAC-SHA256 over the instrument id and that hour. A token is valid for its own
 * instrument from that hour until {@link FormTokenProperties#validity()} has passed (plus the rest of
 * the hour it was issued in, at most one hour more), and for up to one hour ahead, for clocks of
 * several instances that differ a little.
 *
 * <p>Without a cookie the token cannot be tied to one browser: anyone can fetch a fresh one. What
 * stops another site from posting through a visitor's browser is the request's {@code Sec-Fetch-Site}
 * and {@code Origin} ({@link CrossSitePosts}); the token stops posts made without loading the form
 * lately (replayed old posts, forms kept open for days, scripts that never fetch the page).
 */
@Component
public class FormTokens {

    private static final Logger log = LoggerFactory.getLogger(FormTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final long MILLIS_PER_HOUR = 3_600_000L;

    private final SecretKeySpec key;
    private final long validHours;
    private final Clock clock;

    FormTokens(FormTokenProperties properties, Clock clock) {
        byte[] secret;
        if (properties.hasKey()) {
            secret = properties.key().getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("No sv.public.form-token.key: the anonymous form's tokens are signed with a random key made at start;"
                    + " a form loaded before a restart asks once to be sent again");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.validHours = properties.validity().toHours();
        this.clock = clock;
    }

    /** A token for a form of {@code instrumentId} served now. */
    public String issue(String instrumentId) {
        long hour = currentHour();
        return hour + "." + mac(instrumentId, hour);
    }

    /** Whether {@code token} was issued by this service, for this instrument, and is still valid. */
    public boolean isValid(String instrumentId, String token) {
        if (token == null) {
            return false;
        }
        Matcher parts = FORMAT.matcher(token);
        if (!parts.matches()) {
            return false;
        }
        long hour = Long.parseLong(parts.group(1));
        long now = currentHour();
        if (hour > now + 1 || now - hour > validHours) {
            return false;
        }
        byte[] expected = mac(instrumentId, hour).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts.group(2).getBytes(StandardCharsets.US_ASCII));
    }

    private long currentHour() {
        return Math.floorDiv(clock.millis(), MILLIS_PER_HOUR);
    }

    private String mac(String instrumentId, long hour) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signature = mac.doFinal(("survivor-voice form token v1\n" + instrumentId + "\n" + hour)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
