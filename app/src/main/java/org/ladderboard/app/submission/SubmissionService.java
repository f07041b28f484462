package org.ladderboard.app.submission;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.AccountRepository;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.app.ladder.LadderHealth;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.round.Quota;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.app.scoring.ScoringControl;
import org.ladderboard.app.validation.UploadValidator;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.Sha256;
import org.ladderboard.dataset.StorableText;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.ParsedPart;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationResult;
import org.ladderboard.queue.SubmissionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an upload from the submit page or the API: checks the round and the contestant's caps, validates, and
 * either records the rejected attempt (storing nothing of the file) or stores the submission, its parts, every
 * example and its warnings, and enqueues its scoring jobs, all in one transaction.
 */
@Service
public class SubmissionService {

    /** Accepted (with the stored submission) or rejected (with the report to show). */
    public record Outcome(Submission submission, ValidationReport report) {
        public boolean accepted() {
            return submission != null;
        }
    }

    private final RoundService rounds;
    private final UploadValidator validator;
    private final SubmissionRepository submissions;
    private final UploadRepository uploads;
    private final AccountRepository accounts;
    private final LadderRegistry ladders;
    private final ScoringControl scoring;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final LadderHealth ladderHealth;
    private final LadderVisibility visibility;

    public SubmissionService(RoundService rounds, UploadValidator validator, SubmissionRepository submissions,
                             UploadRepository uploads, AccountRepository accounts, LadderRegistry ladders,
                             ScoringControl scoring, EntityManager entityManager, TransactionTemplate transaction,
                             LadderHealth ladderHealth, LadderVisibility visibility) {
        this.rounds = rounds;
        this.validator = validator;
        this.submissions = submissions;
        this.uploads = uploads;
        this.accounts = accounts;
        this.ladders = ladders;
        this.scoring = scoring;
        this.entityManager = entityManager;
        this.transaction = transaction;
        this.ladderHealth = ladderHealth;
        this.visibility = visibility;
    }

    public Outcome submit(Account account, SubmissionForm form, String fileName, byte[] bytes) {
        Round round = rounds.openNow().orElseThrow(() -> new SubmissionRefusedException(
                SubmissionRefusedException.Reason.ROUND_CLOSED, "no round is open for submissions now", null));
        checkCaps(rounds.quota(round, account));
        // a round on a ladder that cannot load its models takes nothing: an accepted upload would only fail in scoring
        // what the contestant is told names no ladder they may not see
        VisibleLadders shown = visibility.inRound(round.getId(), account);
        String unusable = ladderHealth.whyUnusable(round.getLadders());
        if (unusable != null) {
            throw new SubmissionRefusedException(SubmissionRefusedException.Reason.LADDER_UNAVAILABLE, shown.scrub(unusable), null);
        }
        TaskType taskType = TaskType.fromId(form.getTaskType()).orElseThrow();
        // validation is the slow part: done before the transaction, so the account lock below is held briefly
        ValidationResult result = validator.validate(fileName, bytes, taskType, round.getMinExamples(), round.getLadders(), shown,
                round.largestFewShot());
        return transaction.execute(status -> {
            Account locked = accounts.lockById(account.getId()).orElseThrow();
            checkCaps(rounds.quota(round, locked));
            if (!result.valid()) {
                uploads.recordAttempt(locked.getId(), round.getId(), fileName, result.report().errorCount(), false);
                return new Outcome(null, result.report());
            }
            uploads.recordAttempt(locked.getId(), round.getId(), fileName, 0, true);
            return new Outcome(store(round, locked, form, fileName, bytes, result), result.report());
        });
    }

    private static void checkCaps(Quota quota) {
        if (quota.exhausted()) {
            throw new SubmissionRefusedException(SubmissionRefusedException.Reason.DAILY_LIMIT,
                    "you have used today's " + quota.limit() + " submissions", quota.resetsAt());
        }
        if (quota.failedCapReached()) {
            throw new SubmissionRefusedException(SubmissionRefusedException.Reason.FAILED_LIMIT,
                    "you have reached today's cap of " + quota.failedLimit() + " rejected or failed submissions",
                    quota.resetsAt());
        }
    }

    private Submission store(Round round, Account account, SubmissionForm form, String fileName, byte[] bytes,
                             ValidationResult result) {
        ValidationReport report = result.report();
        Submission submission = submissions.saveAndFlush(new Submission(round, account, form, report.rows(), fileName,
                Sha256.hex(bytes), bytes.length));
        long id = submission.getId();
        uploads.recordEvent(id, SubmissionStatus.VALIDATED,
                report.rows() + " examples in " + report.parts().size() + " part(s), " + report.warnings().size()
                        + " kind(s) of warning", account.getId());
        int position = 0;
        List<ParsedPart> parts = result.parts();
        for (int i = 0; i < parts.size(); i++) {
            for (Example e : parts.get(i).examples()) {
                // the validator's rule, once more where the text is written: the two cannot disagree
                StorableText.require("row " + e.row() + " of part " + e.part(),
                        java.util.Arrays.asList(e.prompt(), e.otherPrompt(), e.completion(), e.classes(), e.extra()));
            }
            long partId = uploads.insertPart(id, i, parts.get(i));
            uploads.insertExamples(id, partId, position, parts.get(i).examples());
            position += parts.get(i).examples().size();
        }
        uploads.insertWarnings(id, report.warnings());
        List<Ladder> roundLadders = round.getLadders().stream()
                .flatMap(name -> ladders.find(name).stream()).toList();
        if (scoring.enqueue(id, roundLadders, report.rows()) > 0) {
            entityManager.refresh(submission); // the queue moved it to QUEUED
        }
        return submission;
    }
}
