package org.ladderboard.app.submission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.app.scoring.ScoringQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything the submission page and {@code GET /api/submissions/{id}} show, and who may see it. */
@Service
public class SubmissionDetails {

    public record Part(String name, String fileName, String format, int rows, String sha256, long bytes) {
    }

    public record Event(String status, String note, Instant at) {
    }

    public record Warning(String code, String part, Integer row, Integer line, String column, String message,
                          String hint, int count, List<Integer> rows) {
    }

    /**
     * One submission with its parts, warnings, history and scoring jobs, as this viewer may see them: for a blind
     * viewer the file names are part labels and the history has no notes (a note can name who acted). {@code ladders}
     * says whose results this viewer may see ({@link LadderVisibility}): every page and API answer about the
     * submission filters by it, and its text here names no private ladder.
     */
    public record View(Submission submission, String roundName, String fileName, List<Part> parts, List<Warning> warnings,
                       List<Event> history, List<ScoringQueue.Job> jobs, boolean cancellable, PartLabels labels,
                       VisibleLadders ladders) {
    }

    private final SubmissionRepository submissions;
    private final SubmissionDetailsRepository views;
    private final ScoringQueue queue;
    private final LadderVisibility visibility;

    public SubmissionDetails(SubmissionRepository submissions, SubmissionDetailsRepository views, ScoringQueue queue,
                             LadderVisibility visibility) {
        this.submissions = submissions;
        this.views = views;
        this.queue = queue;
        this.visibility = visibility;
    }

    /** Owners see their own submissions; judges and organizers see all. Anyone else gets nothing (not a 403). */
    public static boolean maySee(Account viewer, Submission submission) {
        return viewer.getRole() != Role.CONTESTANT || submission.getAccount().getId().equals(viewer.getId());
    }

    /** Judges review blind: anyone but the author and organizers sees no file name and nothing that names the author. */
    public static boolean blindTo(Account viewer, Submission submission) {
        return viewer.getRole() != Role.ORGANIZER && !submission.getAccount().getId().equals(viewer.getId());
    }

    /** The owner, or an organizer, may stop a submission's scoring. */
    public static boolean mayCancel(Account viewer, Submission submission) {
        return viewer.getRole() == Role.ORGANIZER || submission.getAccount().getId().equals(viewer.getId());
    }

    @Transactional(readOnly = true)
    public Optional<View> find(long id, Account viewer) {
        return submissions.findById(id).filter(s -> maySee(viewer, s)).map(s -> {
            List<Part> parts = views.parts(id);
            PartLabels labels = labels(s, parts, blindTo(viewer, s));
            VisibleLadders shown = visibility.ofSubmission(id, viewer);
            return new View(s, s.getRound().getName(), labels.blind() ? PartLabels.BLIND_UPLOAD : s.getFileName(),
                    labels.blind() ? blinded(parts) : parts,
                    views.warnings(id).stream().map(w -> new Warning(w.code(), labels.scrub(w.part()), w.row(), w.line(), w.column(),
                            shown.scrub(labels.scrub(w.message())), shown.scrub(labels.scrub(w.hint())), w.count(), w.rows())).toList(),
                    views.history(id).stream().map(e -> labels.blind() ? new Event(e.status(), "", e.at())
                            : new Event(e.status(), shown.scrub(e.note()), e.at())).toList(),
                    queue.jobsOf(id, shown).stream().map(j -> j.withError(labels.scrub(j.errorMessage()))).toList(),
                    s.getStatus().isActive() && mayCancel(viewer, s), labels, shown);
        });
    }

    /** How this viewer sees the part names of a submission they may see (see {@link #blindTo}). */
    @Transactional(readOnly = true)
    public PartLabels labels(long id, Account viewer) {
        Submission s = submissions.findById(id).orElseThrow();
        return labels(s, views.parts(id), blindTo(viewer, s));
    }

    /** The labels for a viewer who is not signed in (a public task card): always blind. */
    @Transactional(readOnly = true)
    public PartLabels publicLabels(long id) {
        Submission s = submissions.findById(id).orElseThrow();
        return labels(s, views.parts(id), true);
    }

    private static PartLabels labels(Submission s, List<Part> parts, boolean blind) {
        return PartLabels.of(blind, s.getFileName(), parts.stream().map(p -> new String[] {p.name(), p.fileName()}).toList());
    }

    private static List<Part> blinded(List<Part> parts) {
        List<Part> out = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            out.add(new Part(PartLabels.label(i + 1), PartLabels.label(i + 1), p.format(), p.rows(), p.sha256(), p.bytes()));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public List<Submission> mine(Account account) {
        return submissions.findByAccountOrderByCreatedAtDesc(account);
    }
}
