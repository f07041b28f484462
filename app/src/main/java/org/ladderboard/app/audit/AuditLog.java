package org.ladderboard.app.audit;

import java.time.Instant;
import java.util.List;

import org.ladderboard.app.account.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every organizer and judge decision (reveals, winners, retries, cancellations, overrides, accounts), in order. */
@Repository
public class AuditLog {

    public record Event(Instant at, String actor, String action, String subject, String detail) {
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Account actor, String action, String subject, String detail) {
        jdbc.sql("insert into audit_event (actor_id, action, subject, detail) values (?, ?, ?, ?)")
                .params(actor == null ? null : actor.getId(), action, subject, detail == null ? "" : detail).update();
    }

    public List<Event> latest(int limit) {
        return jdbc.sql("""
                        select e.at, coalesce(a.email, 'system'), e.action, e.subject, e.detail
                        from audit_event e left join account a on a.id = e.actor_id order by e.id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }
}
