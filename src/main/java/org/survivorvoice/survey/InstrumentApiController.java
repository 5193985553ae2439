package org.survivorvoice.survey;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.survivorvoice.web.ApiController;
import reactor.core.publisher.Mono;

/**
 * Instrument definitions. Anonymous instruments are public (a kiosk or an app can draw the form);
 * staff instruments are listed and shown to signed-in staff only.
 */
@ApiController
@RequestMapping("/api/v1/instruments")
class InstrumentApiController {

    private final InstrumentCatalogue catalogue;

    InstrumentApiController(InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record Summary(String id, int version, String title, String audience, String channel) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Definition(String id, int version, String title, String description, String audience, String channel,
                      String dateQuestion, List<SectionJson> sections) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SectionJson(String id, String title, String intro, String agency, List<QuestionJson> questions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuestionJson(String id, String type, String text, String hint, boolean required, String agency,
                        List<Option> options, Integer min, Integer max, String maxOf, Integer maxLength, String measure) {
    }

    @GetMapping
    Mono<List<Summary>> list(Mono<Principal> principal) {
        return isStaff(principal).map(staff -> catalogue.all().stream()
                .filter(i -> staff || i.isAnonymous())
                .map(i -> new Summary(i.id(), i.version(), i.title(), i.audience().id(), i.channel().id()))
                .toList());
    }

    @GetMapping("/{id}")
    Mono<Definition> definition(@PathVariable String id, Mono<Principal> principal) {
        Instrument instrument = catalogue.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no instrument called " + id));
        return isStaff(principal).map(staff -> {
            if (!instrument.isAnonymous() && !staff) {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in with a staff account to read a staff instrument.");
            }
            return definition(instrument);
        });
    }

    static Definition definition(Instrument i) {
        return new Definition(i.id(), i.version(), i.title(), i.description(), i.audience().id(), i.channel().id(),
                i.dateQuestion(), i.sections().stream().map(s -> new SectionJson(s.id(), s.title(), s.intro(), s.agency(),
                        s.questions().stream().map(InstrumentApiController::question).toList())).toList());
    }

    private static QuestionJson question(Question q) {
        boolean number = q.type() == QuestionType.NUMBER;
        boolean text = q.type() == QuestionType.TEXT || q.type() == QuestionType.TEXT_LIST;
        return new QuestionJson(q.id(), q.type().id(), q.text(), q.hint(), q.required(), q.agency(), options(q),
                number ? q.min() : null, number ? q.max() : null, q.maxOf(), text ? q.maxLength() : null,
                q.measure() == null ? null : q.measure().id());
    }

    /** Choices for every closed question, so a client can draw any of them the same way. */
    private static List<Option> options(Question q) {
        return switch (q.type()) {
            case SCALE5 -> Arrays.stream(Scale5.values()).map(s -> new Option(s.value(), s.label())).toList();
            case YES_NO -> List.of(new Option("yes", "Yes"), new Option("no", "No"));
            case SINGLE, MULTI -> q.options();
            default -> null;
        };
    }

    private static Mono<Boolean> isStaff(Mono<Principal> principal) {
        return principal.map(p -> p instanceof Authentication a && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
                .defaultIfEmpty(false);
    }
}
