package org.survivorvoice.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** What happens when the audit log cannot be written, and what an entry may hold. */
class AuditLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneId.of("Europe/London"));
    private static final Actor OFFICER = new Actor("officer", "OFFICER");

    private final ReactiveMongoTemplate mongo = mock(ReactiveMongoTemplate.class);
    private final AuditLog audit = new AuditLog(mongo, CLOCK);

    @Test
    void aDisclosureIsRefusedWhenItsEntryCannotBeWritten() {
        doReturn(Mono.error(new IllegalStateException("disk full"))).when(mongo).insert(any(AuditEntry.class), eq(AuditLog.COLLECTION));

        assertThatThrownBy(() -> audit.record(OFFICER, AuditAction.VIEWED, AuditTarget.RECORD, "SV-AAAA-BBBB", "record page")
                .block(Duration.ofSeconds(5)))
                .isInstanceOf(AuditUnavailableException.class)
                .satisfies(e -> assertThat(((AuditUnavailableException) e).getStatusCode().value()).isEqualTo(503));
    }

    @Test
    void aChangeAlreadyMadeIsNotUndoneWhenItsEntryCannotBeWritten() {
        doReturn(Mono.error(new IllegalStateException("disk full"))).when(mongo).insert(any(AuditEntry.class), eq(AuditLog.COLLECTION));

        // completes (the entry goes to the application log instead)
        audit.note(OFFICER, AuditAction.APPROVED, AuditTarget.QUOTE, "q1", "tone negative").block(Duration.ofSeconds(5));
        verify(mongo).insert(any(AuditEntry.class), eq(AuditLog.COLLECTION));
    }

    @Test
    void anEntryHoldsTheExactTimeTheActorAndRoleAndATidyBoundedDetail() {
        ArgumentCaptor<AuditEntry> written = ArgumentCaptor.forClass(AuditEntry.class);
        doReturn(Mono.just(new Object())).when(mongo).insert(written.capture(), eq(AuditLog.COLLECTION));

        audit.record(OFFICER, AuditAction.EXPORTED, AuditTarget.REPORT, "ratings.csv", "2015/16-Q2\nto\t2015/16-Q4 " + "x".repeat(500))
                .block(Duration.ofSeconds(5));

        AuditEntry entry = written.getValue();
        assertThat(entry.at()).isEqualTo(Instant.parse("2026-03-02T10:15:30Z"));
        assertThat(entry.actor()).isEqualTo("officer");
        assertThat(entry.role()).isEqualTo("OFFICER");
        assertThat(entry.action()).isEqualTo(AuditAction.EXPORTED);
        assertThat(entry.targetKind()).isEqualTo(AuditTarget.REPORT);
        assertThat(entry.target()).isEqualTo("ratings.csv");
        assertThat(entry.detail()).startsWith("2015/16-Q2 to 2015/16-Q4 x").doesNotContain("\n", "\t").hasSize(AuditLog.MAX_DETAIL);
        assertThat(entry.id()).matches("[0-9a-f-]{36}");
    }

    @Test
    void theActorIsNamedWithHerHighestRole() {
        assertThat(Actor.of(new UsernamePasswordAuthenticationToken("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_OFFICER")))))
                .isEqualTo(new Actor("admin", "ADMIN"));
        assertThat(Actor.of(new UsernamePasswordAuthenticationToken("officer", null, List.of(new SimpleGrantedAuthority("ROLE_OFFICER")))))
                .isEqualTo(new Actor("officer", "OFFICER"));
        assertThat(Actor.of(new UsernamePasswordAuthenticationToken("reader", null, List.of(new SimpleGrantedAuthority("ROLE_READER")))))
                .isEqualTo(new Actor("reader", "READER"));
    }
}
