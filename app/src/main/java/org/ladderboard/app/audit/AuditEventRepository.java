package org.ladderboard.app.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_event} table, written once per decision and never changed. */
@Repository
class AuditEventRepository {

    private final JdbcClient jdbc;

    AuditEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Long actorId, String action, String subject, String detail) {
        jdbc.sql("insert into audit_event (actor_id, action, subject, detail) values (?, ?, ?, ?)")
                .params(actorId, action, subject, detail).update();
    }

    /** The newest events first, each with its actor's address ({@code system} when no account acted). */
    List<AuditLog.Event> latest(int limit) {
        return jdbc.sql("""
                        select e.at, coalesce(a.email, 'system'), e.action, e.subject, e.detail
                        from audit_event e left join account a on a.id = e.actor_id order by e.id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new AuditLog.Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
