package org.survivorvoice.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, read from the environment as {@code SV_ADMIN_USERNAME} and
 * {@code SV_ADMIN_PASSWORD}. Used only when no administrator exists.
 */
@ConfigurationProperties("sv.admin")
public record AdminBootstrapProperties(String username, String password) {
}
