package org.survivorvoice.report;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.survivorvoice.account.Account;
import org.survivorvoice.account.AccountRepository;
import org.survivorvoice.account.Role;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.codebook.Theme;
import org.survivorvoice.survey.Agencies;
import org.survivorvoice.survey.OperationalGroup;
import reactor.core.publisher.Mono;

/**
 * Decides what a member of staff may see of the reports. Officers and administrators see
 * everything, or a group's view when they ask for one. A reader sees the union of her groups'
 * remits, or one of her own groups; asking for any other group is refused (403), so the reader
 * of the Housing group can reach no other agency's figures.
 */
@Component
public class ReportAccess {

    private final AccountRepository accounts;
    private final Agencies agencies;
    private final List<String> themes;

    ReportAccess(AccountRepository accounts, org.survivorvoice.survey.InstrumentCatalogue catalogue, Codebook codebook) {
        Agencies agencies = catalogue.agencies();
        this.accounts = accounts;
        this.agencies = agencies;
        this.themes = codebook.themes().stream().map(Theme::id).toList();
    }

    /** What the viewer may choose from, and the scope of what she asked for. */
    public record Access(ReportScope scope, List<OperationalGroup> choices, String group, boolean everything) {
    }

    public Mono<Access> resolve(Principal principal, String requestedGroup) {
        String group = requestedGroup == null || requestedGroup.isBlank() ? null : requestedGroup;
        return accounts.findById(principal.getName())
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN)))
                .flatMap(account -> account.role() == Role.READER ? reader(account, group) : full(group));
    }

    private Mono<Access> full(String group) {
        List<OperationalGroup> all = agencies.groups();
        if (group == null) {
            return Mono.just(new Access(ReportScope.everything(agencies, themes), all, null, true));
        }
        return agencies.group(group)
                .map(found -> Mono.just(new Access(ReportScope.of(List.of(found)), all, group, true)))
                .orElseGet(() -> Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown group '" + group + "'")));
    }

    private Mono<Access> reader(Account account, String group) {
        List<OperationalGroup> own = account.groups().stream().flatMap(id -> agencies.group(id).stream()).toList();
        if (group == null) {
            return Mono.just(new Access(ReportScope.of(own), own, null, false));
        }
        return own.stream().filter(g -> g.id().equals(group)).findFirst()
                .map(found -> Mono.just(new Access(ReportScope.of(List.of(found)), own, group, false)))
                .orElseGet(() -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "You can see the reports of your own operational groups only")));
    }
}
