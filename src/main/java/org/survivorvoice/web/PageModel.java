package org.survivorvoice.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What every page's layout needs: the service name, the exit link, the page language and
 * direction, and {@code msg}, a lambda that looks up a message bundle key in the page's language
 * ({@code {{#msg}}form.submit{{/msg}}}).
 */
@Component
public class PageModel {

    private static final java.util.Set<String> RIGHT_TO_LEFT = java.util.Set.of("ar", "fa", "he", "ur", "ps", "yi");

    private final MessageSource messages;
    private final PublicSiteProperties site;

    PageModel(MessageSource messages, PublicSiteProperties site) {
        this.messages = messages;
        this.site = site;
    }

    public Map<String, Object> common(Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("serviceName", site.serviceName());
        model.put("exitUrl", site.exitUrl().toString());
        model.put("lang", locale.getLanguage().isEmpty() ? "en" : locale.getLanguage());
        model.put("dir", RIGHT_TO_LEFT.contains(locale.getLanguage()) ? "rtl" : "ltr");
        model.put("msg", (Mustache.Lambda) (fragment, out) -> {
            String key = fragment.execute().strip();
            try {
                out.write(HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return model;
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
