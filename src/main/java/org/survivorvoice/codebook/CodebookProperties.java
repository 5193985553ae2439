package org.survivorvoice.codebook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/** @param location the codebook file (by default the copy of nlp-models/codebook.yaml in the jar) */
@ConfigurationProperties("sv.codebook")
public record CodebookProperties(@DefaultValue("classpath:nlp-models/codebook.yaml") Resource location) {
}
