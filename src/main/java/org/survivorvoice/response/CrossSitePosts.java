package org.survivorvoice.response;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Refuses posts that another site makes through a visitor's browser, without a cookie: browsers
 * say where a request comes from in headers that pages cannot set.
 * <ul>
 * <li>{@code Sec-Fetch-Site}, when present, must be {@code same-origin} (our own page) or
 * {@code none} (typed or bookmarked). {@code same-site} is refused too: a sibling subdomain may
 * belong to someone else.</li>
 * <li>{@code Origin}, when present, must name this server: the same host and port as the request
 * (its {@code Host}, or {@code X-Forwarded-Host} when {@code server.forward-headers-strategy} is
 * set). An {@code https} origin is accepted for a request that arrived over plain HTTP on the
 * default port, as it does from a proxy that ends TLS in front of the service. {@code Origin: null}
 * says nothing (browsers send it for our own form, because our pages' referrer policy is
 * {@code no-referrer}), and so does a missing header (clients other than browsers).</li>
 * </ul>
 */
final class CrossSitePosts {

    private static final Logger log = LoggerFactory.getLogger(CrossSitePosts.class);
    private static final AtomicBoolean proxyWarningGiven = new AtomicBoolean();

    private CrossSitePosts() {
    }

    /** Whether {@code request} comes from another site, by the headers its browser added. */
    static boolean isCrossSite(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        String fetchSite = headers.getFirst("Sec-Fetch-Site");
        boolean browserSaysOurs = false;
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return true;
            }
            browserSaysOurs = site.equals("same-origin");
        }
        String origin = headers.getOrigin();
        if (origin == null || origin.strip().equals("null")) {
            return false;
        }
        if (isOwnOrigin(origin.strip(), request.getURI())) {
            return false;
        }
        if (browserSaysOurs && proxyWarningGiven.compareAndSet(false, true)) {
            log.warn("Refused a post to the anonymous form from this service's own page: its origin is not {}. "
                            + "Behind a proxy, pass the public Host (or X-Forwarded-Host) and set server.forward-headers-strategy.",
                    request.getURI().getScheme() + "://" + request.getURI().getAuthority());
        }
        return true;
    }

    static boolean isOwnOrigin(String origin, URI request) {
        URI parsed;
        try {
            parsed = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null || request.getHost() == null
                || !parsed.getHost().equalsIgnoreCase(request.getHost())) {
            return false;
        }
        String ownScheme = request.getScheme() == null ? "http" : request.getScheme().toLowerCase(Locale.ROOT);
        int port = port(scheme, parsed.getPort());
        int ownPort = port(ownScheme, request.getPort());
        if (scheme.equals(ownScheme)) {
            return port == ownPort;
        }
        // TLS ended by a proxy in front: the browser's https page, our plain-HTTP request on the default port.
        return scheme.equals("https") && port == 443 && ownScheme.equals("http") && ownPort == 80;
    }

    private static int port(String scheme, int port) {
        return port != -1 ? port : scheme.equals("https") ? 443 : 80;
    }
}
