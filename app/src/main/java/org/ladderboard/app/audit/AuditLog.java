package org.ladderboard.app.audit;

import java.time.Instant;
import java.util.List;

import org.ladderboard.app.account.Account;
import org.springframework.stereotype.Service;

/** Every organizer and judge decision (reveals, winners, retries, cancellations, overrides, accounts), in order. */
@Service
public class AuditLog {

    public record Event(Instant at, String actor, String action, String subject, String detail) {
    }

    private final AuditEventRepository events;

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    public void record(Account actor, String action, String subject, String detail) {
        events.insert(actor == null ? null : actor.getId(), action, subject, detail == null ? "" : detail);
    }

    public List<Event> latest(int limit) {
        return events.latest(limit);
    }
}
