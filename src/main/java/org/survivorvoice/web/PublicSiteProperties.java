package org.survivorvoice.web;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param exitUrl     where "Exit this page" goes: a neutral site that gives nothing away
 * @param serviceName the name shown in the header of every page
 */
@ConfigurationProperties("sv.public")
public record PublicSiteProperties(
        @DefaultValue("https://www.bbc.co.uk/weather") URI exitUrl,
        @DefaultValue("Survivor Voice") String serviceName) {
}
