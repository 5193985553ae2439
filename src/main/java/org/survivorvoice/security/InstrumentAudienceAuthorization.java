package org.survivorvoice.security;

import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import reactor.core.publisher.Mono;

/**
 * Submitting to {@code /api/v1/instruments/{id}/responses}: anyone may answer an anonymous
 * instrument; a staff instrument needs an officer. Unknown ids pass through to become a 404.
 */
class InstrumentAudienceAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final InstrumentCatalogue catalogue;
    private final ReactiveAuthorizationManager<AuthorizationContext> officer = AuthorityReactiveAuthorizationManager.hasRole("OFFICER");

    InstrumentAudienceAuthorization(InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        Object id = context.getVariables().get("id");
        boolean open = !(id instanceof String instrumentId)
                || catalogue.find(instrumentId).map(Instrument::isAnonymous).orElse(true);
        return open ? Mono.just(new AuthorizationDecision(true)) : officer.authorize(authentication, context);
    }
}
