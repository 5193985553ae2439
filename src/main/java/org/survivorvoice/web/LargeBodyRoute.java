package org.survivorvoice.web;

import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Addresses that may take a body larger than the 64 KB every other request is held to (an upload),
 * declared as a bean by the feature that owns them; {@link RequestBodyGuard} enforces it.
 *
 * @param pattern  the addresses, e.g. {@code /staff/import}
 * @param maxBytes the largest declared body length accepted
 * @param message  what a refused request is told (413): the limit in words, and that nothing was stored
 */
public record LargeBodyRoute(PathPattern pattern, long maxBytes, String message) {

    public static LargeBodyRoute of(String pattern, long maxBytes, String message) {
        return new LargeBodyRoute(PathPatternParser.defaultInstance.parse(pattern), maxBytes, message);
    }
}
