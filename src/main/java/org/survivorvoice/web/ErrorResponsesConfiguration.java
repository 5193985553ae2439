package org.survivorvoice.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.view.ViewResolver;

@Configuration(proxyBeanMethods = false)
class ErrorResponsesConfiguration {

    /** Replaces Spring Boot's default handler (it backs off when this bean exists). */
    @Bean
    @Order(-1)
    ErrorResponses errorWebExceptionHandler(ErrorAttributes errorAttributes, WebProperties webProperties,
                                            ObjectProvider<ViewResolver> viewResolvers, ServerCodecConfigurer codecs,
                                            ApplicationContext context, PageModel pageModel) {
        ErrorResponses handler = new ErrorResponses(errorAttributes, webProperties.getResources(), context, pageModel);
        handler.setViewResolvers(viewResolvers.orderedStream().toList());
        handler.setMessageWriters(codecs.getWriters());
        handler.setMessageReaders(codecs.getReaders());
        return handler;
    }
}
