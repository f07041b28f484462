package org.ladderboard.app.notice;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.AccountRepository;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.layout.DisplayTime;
import org.ladderboard.app.mail.Mail;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.scoring.ScoringQueue;
import org.ladderboard.app.scoring.ScoringResults;
import org.ladderboard.app.submission.SubmissionDetails;
import org.ladderboard.app.notice.NoticeRepository.NewNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes notices from what the database records, so it makes no difference which process scored: a submission's
 * SCORED and FAILED events ({@code submission_event}), jobs failed for good ({@code scoring_job}) and workers gone
 * silent ({@code scoring_worker}). Each source is read from its cursor, locked for the pass, so two app instances
 * take turns; a notice is unique per (recipient, event), so whatever is read twice tells nobody twice.
 */
@Component
@ConditionalOnProperty(name = "ladderboard.notices.enabled", havingValue = "true", matchIfMissing = true)
public class NoticeProducer {

    private static final Logger log = LoggerFactory.getLogger(NoticeProducer.class);

    /** Rows are read again for this long after the cursor passed them: a transaction may commit after a later one. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final int EVENTS_PER_PASS = 500;

    private final NoticeRepository repository;
    private final AccountRepository accounts;
    private final SubmissionDetails details;
    private final RoundService rounds;
    private final DisplayTime time;
    private final Mail mail;
    private final TransactionTemplate transaction;

    NoticeProducer(NoticeRepository repository, AccountRepository accounts, SubmissionDetails details,
                   RoundService rounds, DisplayTime time, Mail mail, TransactionTemplate transaction) {
        this.repository = repository;
        this.accounts = accounts;
        this.details = details;
        this.rounds = rounds;
        this.time = time;
        this.mail = mail;
        this.transaction = transaction;
    }

    @Scheduled(initialDelayString = "${ladderboard.notices.every-ms:10000}",
            fixedDelayString = "${ladderboard.notices.every-ms:10000}")
    void scheduled() {
        try {
            int written = produce();
            if (written > 0) {
                log.info("Wrote {} notices", written);
            }
        } catch (RuntimeException e) {
            // the database may be away; the cursors did not move, so the next pass catches up
            log.warn("Notices skipped: {}", e.toString());
        }
    }

    /** One pass over every source; how many notices it wrote. */
    public int produce() {
        return transaction.execute(t -> fromSubmissionEvents())
                + transaction.execute(t -> fromFailedJobs())
                + transaction.execute(t -> fromSilentWorkers());
    }

    private int fromSubmissionEvents() {
        NoticeRepository.Cursor cursor = repository.lockCursor("submission_event");
        List<NoticeRepository.FinishedEvent> events = repository.finishedEvents(cursor.lastId(), OVERLAP, EVENTS_PER_PASS);
        Optional<Long> currentRound = rounds.current().map(Round::getId);
        int written = 0;
        long last = cursor.lastId();
        for (NoticeRepository.FinishedEvent e : events) {
            last = Math.max(last, e.eventId());
            if ("SCORED".equals(e.status())) {
                written += tell(new NewNotice(e.authorId(), NoticeKind.SUBMISSION_SCORED, "submission_event:" + e.eventId(),
                        e.submissionId(), null, null, "“" + e.taskName() + "” is scored",
                        "Your submission “" + e.taskName() + "” (#" + e.submissionId() + ") is scored on every model "
                                + "of its ladders. Its scaling curves and verdicts are on its page."));
                // in the judges' queue only while it is the current round's: the queue lists no other
                if (currentRound.isPresent() && currentRound.get() == e.roundId()) {
                    for (long judge : repository.judgesFor(e.submissionId(), e.authorId())) {
                        // blind: the task's name and number, as the judging queue shows them; never its author
                        written += tell(new NewNotice(judge, NoticeKind.REVIEW_WAITING, "review:" + e.submissionId(),
                                e.submissionId(), null, null, "New task to review: “" + e.taskName() + "”",
                                "“" + e.taskName() + "” (#" + e.submissionId() + ") is scored and waiting in your "
                                        + "judging queue. Review it on the rubric, or declare a conflict of interest."));
                    }
                }
            } else if (!repository.told(e.authorId(), "submission_event:" + e.eventId())) {
                // the reason takes reading the submission: only for an event not told yet (re-read ones are)
                String reason = failureReason(e.submissionId(), e.authorId());
                written += tell(new NewNotice(e.authorId(), NoticeKind.SUBMISSION_FAILED, "submission_event:" + e.eventId(),
                        e.submissionId(), null, null, "“" + e.taskName() + "” could not be scored",
                        "Scoring your submission “" + e.taskName() + "” (#" + e.submissionId() + ") failed"
                                + (reason.isEmpty() ? "; its page says more." : ": " + reason)));
            }
        }
        repository.moveCursor("submission_event", last, cursor.now());
        return written;
    }

    /** The failed jobs' errors as the submission page shows them to its author: model, then error. */
    private String failureReason(long submissionId, long authorId) {
        Optional<Account> author = accounts.findById(authorId);
        if (author.isEmpty()) {
            return "";
        }
        return details.find(submissionId, author.get())
                .map(view -> view.jobs().stream().filter(j -> "FAILED".equals(j.status()) && j.errorMessage() != null)
                        .map(this::inWords).collect(Collectors.joining("; ")))
                .orElse("");
    }

    private String inWords(ScoringQueue.Job job) {
        return job.ladder() + "/" + job.model() + (job.shots() > 0 ? " (" + job.shots() + "-shot)" : "") + ": "
                + job.errorMessage();
    }

    private int fromFailedJobs() {
        NoticeRepository.Cursor cursor = repository.lockCursor("scoring_job");
        List<NoticeRepository.FailedJob> failed = repository.failedJobs(cursor.lastAt().minus(OVERLAP));
        List<Long> organizers = failed.isEmpty() ? List.of() : repository.accountsWithRole(Role.ORGANIZER);
        int written = 0;
        for (NoticeRepository.FailedJob j : failed) {
            for (long organizer : organizers) {
                written += tell(new NewNotice(organizer, NoticeKind.JOB_FAILED, "job:" + j.jobId() + ":" + j.attempt(),
                        j.submissionId(), j.jobId(), null,
                        "A job failed for good: " + j.ladder() + "/" + j.model() + " of “" + j.taskName() + "”",
                        "Job " + j.jobId() + " of submission “" + j.taskName() + "” (#" + j.submissionId() + ") on "
                                + j.ladder() + "/" + j.model() + " failed after attempt " + j.attempt() + " of "
                                + j.maxAttempts() + (j.errorKind() == null ? "" : " (" + j.errorKind().toLowerCase() + " error)")
                                + ": " + (j.errorMessage() == null ? "no message" : j.errorMessage())
                                + ". It is not tried again on its own: retry it on the queue page once the cause is fixed."));
            }
        }
        repository.moveCursor("scoring_job", 0, cursor.now());
        return written;
    }

    private int fromSilentWorkers() {
        // the cursor's time stays where notices began: heartbeats from before then are history
        NoticeRepository.Cursor cursor = repository.lockCursor("scoring_worker");
        Duration limit = ScoringResults.WORKER_SILENT_AFTER;
        List<NoticeRepository.SilentWorker> silent = repository.silentWorkers(limit, cursor.lastAt());
        List<Long> organizers = silent.isEmpty() ? List.of() : repository.accountsWithRole(Role.ORGANIZER);
        int written = 0;
        for (NoticeRepository.SilentWorker w : silent) {
            for (long organizer : organizers) {
                // once per silence: a worker that comes back and falls silent again is told of again
                written += tell(new NewNotice(organizer, NoticeKind.WORKER_SILENT,
                        "worker:" + w.id() + ":" + w.heartbeatAt().toEpochMilli(), null, null, w.id(),
                        "Worker " + w.id() + " is silent",
                        "Worker " + w.id() + " on " + w.host() + " last reported at " + time.utc(w.heartbeatAt())
                                + " and has not said it stopped (a worker is silent after " + limit.toSeconds()
                                + " s without a heartbeat). The jobs it held go back to the queue as their leases "
                                + "lapse; look at the machine."));
            }
        }
        return written;
    }

    private int tell(NewNotice notice) {
        return repository.insert(notice, mail.enabled()) ? 1 : 0;
    }
}
