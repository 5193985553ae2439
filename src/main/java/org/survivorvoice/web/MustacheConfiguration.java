package org.survivorvoice.web;

import com.samskivert.mustache.Mustache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MustacheConfiguration {

    /** Missing values render as nothing (and count as false in sections) instead of failing the page. */
    @Bean
    Mustache.Compiler mustacheCompiler(Mustache.TemplateLoader mustacheTemplateLoader) {
        return Mustache.compiler().withLoader(mustacheTemplateLoader).defaultValue("").emptyStringIsFalse(true);
    }
}
