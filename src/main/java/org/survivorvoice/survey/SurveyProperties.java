package org.survivorvoice.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location folder holding the instrument files and agencies.yaml, as a Spring resource
 *                 location ending in '/': {@code classpath:surveys/} (the copy in the jar, the
 *                 default) or for example {@code file:/etc/survivor-voice/surveys/}
 */
@ConfigurationProperties("sv.surveys")
public record SurveyProperties(@DefaultValue("classpath:surveys/") String location) {
}
