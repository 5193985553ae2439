package org.survivorvoice.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * Which entries to show: {@code actor} (a username, {@code system} or {@code unknown}), {@code action}
 * (an {@link AuditAction} name), {@code page} from 0 and {@code size}; checked field by field.
 *
 * @param errors each {@code field} and what is wrong with it; empty when the query is valid
 */
public record AuditQuery(String actor, AuditAction action, int page, int size, List<FieldError> errors) {

    public static final int MAX_SIZE = 100;
    /** Usernames as accounts have them, plus "system" and "unknown". */
    private static final Pattern ACTOR = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    public record FieldError(String field, String message) {
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public static AuditQuery read(MultiValueMap<String, String> query, int defaultSize) {
        List<FieldError> errors = new ArrayList<>();
        String actor = blankToNull(query.getFirst("actor"));
        if (actor != null) {
            actor = actor.toLowerCase(Locale.ROOT);
            if (!ACTOR.matcher(actor).matches()) {
                errors.add(new FieldError("actor", "Enter a username of 3 to 40 lower-case letters, digits, dots, hyphens or underscores"));
                actor = null;
            }
        }
        AuditAction action = null;
        String actionText = blankToNull(query.getFirst("action"));
        if (actionText != null) {
            action = Arrays.stream(AuditAction.values()).filter(a -> a.name().equalsIgnoreCase(actionText)).findFirst().orElse(null);
            if (action == null) {
                errors.add(new FieldError("action", "Choose an action from the list"));
            }
        }
        int page = number(query.getFirst("page"), 0, 0, Integer.MAX_VALUE / MAX_SIZE, "page", "a whole number, 0 or more", errors);
        int size = number(query.getFirst("size"), defaultSize, 1, MAX_SIZE, "size", "a whole number from 1 to " + MAX_SIZE, errors);
        return new AuditQuery(actor, action, page, size, List.copyOf(errors));
    }

    private static int number(String text, int fallback, int min, int max, String field, String expected, List<FieldError> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "The " + field + " must be " + expected));
        return fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The query string of the same filter on another page. */
    String pageHref(String path, int otherPage) {
        StringBuilder href = new StringBuilder(path).append("?");
        if (actor != null) {
            href.append("actor=").append(actor).append("&");
        }
        if (action != null) {
            href.append("action=").append(action.name()).append("&");
        }
        return href.append("page=").append(otherPage).toString();
    }
}
