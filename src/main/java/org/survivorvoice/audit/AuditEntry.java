package org.survivorvoice.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the audit log: who did what to which thing, and when. Staff actions carry their exact
 * time (staff are not survivors). It never holds a comment's or an answer's text: targets are ids and
 * references, and {@code detail} is written by the code from fixed words, ids, counts and codebook
 * labels, never from what someone typed.
 *
 * @param id         a random UUID
 * @param actor      the username, {@code system} for the service's own jobs, or {@code unknown} for a
 *                   sign-in with a username that has no account
 * @param role       the actor's role ({@code ADMIN}, {@code OFFICER}, {@code READER}, {@code SYSTEM} or {@code NONE})
 * @param target     the reference, id or name of the thing (a record's reference, a comment id, a username…)
 * @param detail     short, non-identifying: "2015/16-Q2 to 2015/16-Q4, all channels, group housing"
 */
@Document(AuditLog.COLLECTION)
public record AuditEntry(@Id String id, Instant at, String actor, String role, AuditAction action, AuditTarget targetKind,
                         String target, String detail) {
}
