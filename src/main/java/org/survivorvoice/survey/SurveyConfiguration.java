package org.survivorvoice.survey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.survivorvoice.codebook.Codebook;

@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

    @Bean
    InstrumentCatalogue instrumentCatalogue(SurveyProperties properties, Codebook codebook) {
        return InstrumentCatalogue.load(properties.location(), codebook);
    }
}
