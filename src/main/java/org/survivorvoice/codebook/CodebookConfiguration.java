package org.survivorvoice.codebook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.survivorvoice.definition.DefinitionFiles;

@Configuration(proxyBeanMethods = false)
class CodebookConfiguration {

    @Bean
    Codebook codebook(CodebookProperties properties) {
        return Codebook.parse(DefinitionFiles.name(properties.location()), DefinitionFiles.read(properties.location()));
    }
}
