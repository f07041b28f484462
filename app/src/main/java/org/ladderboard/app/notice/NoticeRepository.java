package org.ladderboard.app.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ladderboard.app.account.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notices' SQL: the notices themselves, each account's e-mail choice, the producer's cursors and what it reads of
 * the queue's tables (submission events, failed jobs, workers' heartbeats), which it never writes.
 */
@Repository
class NoticeRepository {

    /** Where the producer stands in one source; {@code now} is the database's clock. */
    record Cursor(long lastId, Instant lastAt, Instant now) {
    }

    /** A submission entering SCORED or FAILED. */
    record FinishedEvent(long eventId, long submissionId, String status, long authorId, String taskName, long roundId) {
    }

    /** A job that failed and will not be retried on its own. */
    record FailedJob(long jobId, int attempt, int maxAttempts, long submissionId, String taskName, String ladder,
                     String model, String errorKind, String errorMessage) {
    }

    /** A worker whose last heartbeat is too old, and that did not say it stopped. */
    record SilentWorker(String id, String host, Instant heartbeatAt) {
    }

    /** A notice to write; {@code about} names the event, once per recipient. */
    record NewNotice(long recipientId, NoticeKind kind, String about, Long submissionId, Long jobId, String workerId,
                     String title, String body) {
    }

    /** A notice whose mail is to be sent now (its attempt is counted already). */
    record DueMail(long id, NoticeKind kind, String title, String body, Long submissionId, String email, UUID offToken) {
    }

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the producer ----------------------------------------------------------------------------------------

    /** Locks the source's cursor for the caller's transaction: a second app instance waits, then sees it moved. */
    Cursor lockCursor(String source) {
        return jdbc.sql("select last_id, last_at, now() from notice_cursor where source = ? for update")
                .param(source)
                .query((rs, n) -> new Cursor(rs.getLong(1), instant(rs, 2), instant(rs, 3)))
                .single();
    }

    void moveCursor(String source, long lastId, Instant lastAt) {
        jdbc.sql("update notice_cursor set last_id = ?, last_at = ? where source = ?")
                .params(lastId, Timestamp.from(lastAt), source).update();
    }

    /**
     * SCORED and FAILED events: up to {@code limit} after the cursor, and those at or before it of the last
     * {@code overlap} again (the limit is on the new ones only, so re-reading never keeps the cursor from moving).
     */
    List<FinishedEvent> finishedEvents(long afterId, Duration overlap, int limit) {
        return jdbc.sql("""
                        select * from (
                            (select e.id, e.submission_id, e.status, s.account_id, s.task_name, s.round_id
                             from submission_event e join submission s on s.id = e.submission_id
                             where e.status in ('SCORED', 'FAILED') and e.id > ?
                             order by e.id limit ?)
                            union all
                            (select e.id, e.submission_id, e.status, s.account_id, s.task_name, s.round_id
                             from submission_event e join submission s on s.id = e.submission_id
                             where e.status in ('SCORED', 'FAILED') and e.id <= ?
                               and e.at > now() - make_interval(secs => ?))) events
                        order by id""")
                .params(afterId, limit, afterId, overlap.toSeconds())
                .query((rs, n) -> new FinishedEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getLong(6)))
                .list();
    }

    /**
     * Jobs that failed for good since {@code since} (finished_at marks the failure that ended them): out of attempts,
     * or an internal fault, which is not retried. A data error is the dataset's: its author is told, not organizers.
     */
    List<FailedJob> failedJobs(Instant since) {
        return jdbc.sql("""
                        select j.id, j.attempt, j.max_attempts, j.submission_id, s.task_name, j.ladder, j.model,
                               j.error_kind, j.error_message
                        from scoring_job j join submission s on s.id = j.submission_id
                        where j.status = 'FAILED' and j.finished_at > ? and j.error_kind is distinct from 'DATA'
                        order by j.finished_at, j.id limit 500""")
                .param(Timestamp.from(since))
                .query((rs, n) -> new FailedJob(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    /** Workers not stopped whose last heartbeat is older than {@code silentAfter}, and newer than {@code since}. */
    List<SilentWorker> silentWorkers(Duration silentAfter, Instant since) {
        return jdbc.sql("""
                        select id, host, heartbeat_at from scoring_worker
                        where stopped_at is null and heartbeat_at < now() - make_interval(secs => ?)
                          and heartbeat_at > ?
                        order by heartbeat_at""")
                .params(silentAfter.toSeconds(), Timestamp.from(since))
                .query((rs, n) -> new SilentWorker(rs.getString(1), rs.getString(2), instant(rs, 3)))
                .list();
    }

    /** The enabled accounts of a role. */
    List<Long> accountsWithRole(Role role) {
        return jdbc.sql("select id from account where role = ? and enabled order by id")
                .param(role.name()).query(Long.class).list();
    }

    /** The judges who may review a submission: enabled, not its author, no conflict of interest declared on it. */
    List<Long> judgesFor(long submissionId, long authorId) {
        return jdbc.sql("""
                        select a.id from account a
                        where a.role = 'JUDGE' and a.enabled and a.id <> ?
                          and not exists (select 1 from review r
                                          where r.submission_id = ? and r.judge_id = a.id and r.conflict_of_interest)
                        order by a.id""")
                .params(authorId, submissionId).query(Long.class).list();
    }

    /**
     * Writes the notice unless its recipient was told of this event already; its mail is due now when the server
     * sends mail and the recipient has not turned e-mail off. True when it was written.
     */
    boolean insert(NewNotice n, boolean mailing) {
        return jdbc.sql("""
                        insert into notice (recipient_id, kind, about, submission_id, job_id, worker_id, title, body,
                                            email_due_at)
                        select a.id, ?, ?, ?, ?, ?, ?, ?, case when ? and a.notice_email then now() end
                        from account a where a.id = ?
                        on conflict (recipient_id, about) do nothing""")
                .params(n.kind().name(), n.about(), n.submissionId(), n.jobId(), n.workerId(), n.title(), n.body(),
                        mailing, n.recipientId())
                .update() == 1;
    }

    /** Whether the recipient was told of this event already. */
    boolean told(long recipientId, String about) {
        return jdbc.sql("select exists (select 1 from notice where recipient_id = ? and about = ?)")
                .params(recipientId, about).query(Boolean.class).single();
    }

    // ---- the recipient ---------------------------------------------------------------------------------------

    /** The recipient's latest notices, newest first (only the unread ones when {@code unreadOnly}). */
    List<Notice> latest(long recipientId, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                        select id, kind, title, body, submission_id, created_at, read_at, emailed_at from notice
                        where recipient_id = ? and (not ? or read_at is null)
                        order by id desc limit ?""")
                .params(recipientId, unreadOnly, limit)
                .query((rs, n) -> new Notice(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5), instant(rs, 6), instant(rs, 7), instant(rs, 8)))
                .list();
    }

    Optional<Notice> find(long id, long recipientId) {
        return jdbc.sql("""
                        select id, kind, title, body, submission_id, created_at, read_at, emailed_at from notice
                        where id = ? and recipient_id = ?""")
                .params(id, recipientId)
                .query((rs, n) -> new Notice(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5), instant(rs, 6), instant(rs, 7), instant(rs, 8)))
                .optional();
    }

    /** One count on the partial index {@code notice_unread}: the page header asks it on every page. */
    long unreadCount(long recipientId) {
        return jdbc.sql("select count(*) from notice where recipient_id = ? and read_at is null")
                .param(recipientId).query(Long.class).single();
    }

    /** False when the notice is not the recipient's; marking a read notice again keeps its first time. */
    boolean markRead(long id, long recipientId) {
        return jdbc.sql("update notice set read_at = coalesce(read_at, now()) where id = ? and recipient_id = ?")
                .params(id, recipientId).update() == 1;
    }

    int markAllRead(long recipientId) {
        return jdbc.sql("update notice set read_at = now() where recipient_id = ? and read_at is null")
                .param(recipientId).update();
    }

    boolean emailOn(long accountId) {
        return jdbc.sql("select notice_email from account where id = ?").param(accountId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Turning e-mail off also drops the mails still waiting to be sent (the notices stay). */
    void setEmail(long accountId, boolean on) {
        jdbc.sql("update account set notice_email = ? where id = ?").params(on, accountId).update();
        if (!on) {
            jdbc.sql("update notice set email_due_at = null where recipient_id = ? and email_due_at is not null")
                    .param(accountId).update();
        }
    }

    /** The account a mail's "off" link names. */
    Optional<Long> accountOfOffToken(UUID token) {
        return jdbc.sql("select id from account where notice_email_token = ?").param(token)
                .query(Long.class).optional();
    }

    // ---- the mailer ------------------------------------------------------------------------------------------

    /**
     * Takes up to {@code limit} due mails (skipping those another instance is taking), counts the attempt and sets
     * when the next one is due ({@code retryAfter} doubled per attempt) or, at {@code maxAttempts}, that there is
     * none: all before sending, so a crash mid-send cannot make a mail due forever. Mails of people who turned
     * e-mail off (or whose account is disabled) are dropped, not sent.
     */
    List<DueMail> takeDueMails(int limit, int maxAttempts, Duration retryAfter) {
        return jdbc.sql("""
                        with due as (
                            select n.id from notice n where n.email_due_at <= now() and n.emailed_at is null
                            order by n.email_due_at, n.id limit ? for update skip locked),
                        taken as (
                            update notice n
                            set email_attempts = n.email_attempts + case when a.notice_email and a.enabled then 1 else 0 end,
                                email_due_at = case when a.notice_email and a.enabled and n.email_attempts + 1 < ?
                                    then now() + make_interval(secs => ? * power(2, n.email_attempts)) end
                            from due, account a
                            where n.id = due.id and a.id = n.recipient_id
                            returning n.id, n.kind, n.title, n.body, n.submission_id, a.email, a.notice_email_token,
                                      a.notice_email and a.enabled as sending)
                        select id, kind, title, body, submission_id, email, notice_email_token from taken
                        where sending order by id""")
                .params(limit, maxAttempts, (double) retryAfter.toMillis() / 1000)
                .query((rs, n) -> new DueMail(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5), rs.getString(6), rs.getObject(7, UUID.class)))
                .list();
    }

    void emailed(long id) {
        jdbc.sql("update notice set emailed_at = now(), email_due_at = null, email_error = null where id = ?")
                .param(id).update();
    }

    void emailFailed(long id, String error) {
        jdbc.sql("update notice set email_error = ? where id = ?").params(error, id).update();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
