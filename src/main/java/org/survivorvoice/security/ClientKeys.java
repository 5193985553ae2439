package org.survivorvoice.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the rate limits know a client by: an HMAC-SHA-256 of its address (or of a sign-in name) with
 * a random key made at start-up and never written anywhere. The address itself is never kept, and
 * the keys mean nothing after a restart.
 *
 * <p>An IPv6 client is known by its /64 network, the block one household or phone is usually given
 * (and which a script could otherwise walk through address by address). Behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that the remote address is the client's, not the proxy's.
 */
@Component
final class ClientKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final SecretKeySpec secret;

    ClientKeys() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, ALGORITHM);
    }

    /** The client's address, hashed; one key for every request whose address is unknown. */
    String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return hash("address:unknown".getBytes(StandardCharsets.US_ASCII));
        }
        // An address taken from X-Forwarded-For or Forwarded is unresolved: its text is the address.
        InetAddress address = remote.isUnresolved() ? literal(remote.getHostString()) : remote.getAddress();
        if (address == null) {
            return hash(("address:" + remote.getHostString().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            bytes = Arrays.copyOf(bytes, 8);
        }
        return hash(bytes);
    }

    /** An IPv4 or IPv6 literal as an address, never looked up in DNS; null for anything else. */
    static InetAddress literal(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            if (IPV4.matcher(host).matches()) {
                String[] parts = host.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            // In brackets, Java takes only an IPv6 literal: anything else fails at once, without a lookup.
            return host.indexOf(':') >= 0 ? InetAddress.getByName("[" + host + "]") : null;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** A sign-in name as Spring Security looks it up (trimmed, lower case), hashed. */
    String username(String username) {
        String normal = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return hash(("user:" + normal).getBytes(StandardCharsets.UTF_8));
    }

    private String hash(byte[] input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(input), 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
