package org.survivorvoice.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;

/** The home page (which forms there are) and the page about staying safe while using them. */
@Controller
class PublicPagesController {

    private final InstrumentCatalogue catalogue;

    PublicPagesController(InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/")
    Rendering home() {
        return Rendering.view("public/home")
                .modelAttribute("titleKey", "home.heading")
                .modelAttribute("forms", catalogue.all().stream().filter(Instrument::isAnonymous).toList())
                .build();
    }

    @GetMapping("/safety")
    Rendering safety() {
        return Rendering.view("public/safety").modelAttribute("titleKey", "safety.heading").build();
    }
}
