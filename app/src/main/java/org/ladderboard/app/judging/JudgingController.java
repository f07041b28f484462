package org.ladderboard.app.judging;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.analysis.TrendShape;
import jakarta.servlet.http.HttpServletResponse;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.analysis.CurvePages;
import org.ladderboard.app.audit.AuditLog;
import org.ladderboard.app.leaderboard.Leaderboard;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.submission.SubmissionDetails;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The judge workspace: a review queue of the round's scored submissions and a review page with the curves, the
 * computed verdicts and the rubric. Blind: no page here names a submission's author.
 */
@Controller
class JudgingController {

    /** The longest note a criterion takes, as the form says. */
    static final int NOTE_LIMIT = 1000;

    private static final List<String> VERDICTS = TrendShape.choices().stream().map(TrendShape::code).toList();

    private final Leaderboard leaderboard;
    private final RoundService rounds;
    private final Reviews reviews;
    private final SubmissionDetails details;
    private final CurrentAccount currentAccount;
    private final CurvePages curves;
    private final AuditLog audit;
    private final LadderVisibility visibility;

    JudgingController(Leaderboard leaderboard, RoundService rounds, Reviews reviews, SubmissionDetails details,
                      CurrentAccount currentAccount, CurvePages curves, AuditLog audit, LadderVisibility visibility) {
        this.leaderboard = leaderboard;
        this.rounds = rounds;
        this.reviews = reviews;
        this.details = details;
        this.currentAccount = currentAccount;
        this.curves = curves;
        this.audit = audit;
        this.visibility = visibility;
    }

    /**
     * The round's scored submissions by name, each with its number (two tasks may share a name); {@code todo} keeps
     * only those this judge still has to review. A judge's own submissions are marked and never counted as to do.
     */
    @GetMapping("/judging")
    String queue(@RequestParam(defaultValue = "false") boolean todo, Model model) {
        Account me = currentAccount.require();
        Round round = rounds.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Leaderboard.Row> rows = leaderboard.rows(round, visibility.inRound(round.getId(), me), null, null, "name", false);
        Map<Long, String> mine = new java.util.HashMap<>(reviews.standingOf(me.getId(), round.getId()));
        java.util.Set<Long> own = reviews.authoredBy(me.getId(), round.getId());
        own.forEach(id -> mine.put(id, "your own task"));
        List<Leaderboard.Row> reviewable = rows.stream().filter(r -> !own.contains(r.id())).toList();
        model.addAttribute("round", round);
        model.addAttribute("todo", todo);
        model.addAttribute("total", reviewable.size());
        model.addAttribute("done", reviewable.stream().filter(r -> mine.containsKey(r.id())).count());
        model.addAttribute("rows", todo ? rows.stream().filter(r -> !mine.containsKey(r.id())).toList() : rows);
        model.addAttribute("mine", mine);
        model.addAttribute("summaries", reviews.summaries(round.getId()));
        model.addAttribute("rubric", Rubric.values());
        return "judging/queue";
    }

    @GetMapping("/judging/{id}")
    String review(@PathVariable long id, Model model) {
        Account me = currentAccount.require();
        SubmissionDetails.View view = visible(id, me);
        return page(view, me, reviews.find(id, me.getId()).orElse(null), Map.of(), model);
    }

    /**
     * Saves the review, or shows the form again with everything the judge typed and each problem beside its field
     * and listed at the top of the form, where the page lands.
     */
    @PostMapping("/judging/{id}")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        Account me = currentAccount.require();
        SubmissionDetails.View view = visible(id, me);
        boolean conflict = form.containsKey("conflictOfInterest");
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        Map<Rubric, String> notes = new EnumMap<>(Rubric.class);
        Map<String, String> problems = new LinkedHashMap<>();
        for (Rubric c : Rubric.values()) {
            String value = form.getFirst(c.column());
            String note = form.getFirst(c.column() + "Note");
            notes.put(c, note);
            if (value != null && value.matches("[1-5]")) {
                scores.put(c, Integer.parseInt(value));
            } else if (!conflict) {
                problems.put(c.column(), "score " + c.label().toLowerCase() + " from 1 to 5");
            }
            if (note != null && note.strip().length() > NOTE_LIMIT) {
                problems.put(c.column() + "Note", "keep the note on " + c.label().toLowerCase() + " to " + NOTE_LIMIT
                        + " characters (it has " + note.strip().length() + ")");
            }
        }
        String override = form.getFirst("verdictOverride");
        override = override == null || override.isBlank() ? null : override;
        String reason = form.getFirst("overrideReason");
        if (!conflict && override != null && !VERDICTS.contains(override)) {
            problems.put("verdictOverride", "choose a verdict from the list");
        }
        if (!conflict && override != null && (reason == null || reason.isBlank())) {
            problems.put("overrideReason", "give a reason for overriding the verdict");
        }
        Reviews.Review typed = new Reviews.Review(id, me.getId(), conflict, scores, notes, override,
                reason == null ? null : reason.strip());
        if (conflict) {
            problems.keySet().removeIf(field -> !field.endsWith("Note"));
        }
        if (problems.isEmpty()) {
            Reviews.Outcome outcome = reviews.save(typed);
            switch (outcome) {
                case OWN_SUBMISSION -> problems.put("review-form", "you submitted this task, so you cannot review it");
                case CONFLICT_DECLARED -> problems.put("conflictOfInterest", "you declared a conflict of interest with this "
                        + "task; it stands, and a review cannot replace it");
                case SAVED -> {
                }
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(view, me, typed, problems, model);
        }
        audit.record(me, conflict ? "conflict of interest" : "review", "submission " + id,
                override == null || conflict ? "" : "verdict overridden to " + TrendShape.labelOf(override) + ": " + reason.strip());
        redirect.addFlashAttribute("message", conflict ? "conflict of interest recorded for submission " + id
                : "review of submission " + id + " saved");
        return "redirect:/judging";
    }

    private SubmissionDetails.View visible(long id, Account me) {
        return details.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(SubmissionDetails.View view, Account me, Reviews.Review review, Map<String, String> problems, Model model) {
        long id = view.submission().getId();
        model.addAttribute("s", view.submission());
        CurvePages.Shown shown = curves.of(id, view.submission().getTaskType(), view.labels()::name, view.ladders());
        model.addAttribute("curves", shown.curves());
        model.addAttribute("curvesBeingComputed", shown.beingComputed());
        model.addAttribute("sweep", shown.sweep());
        model.addAttribute("review", review);
        model.addAttribute("problems", problems);
        model.addAttribute("own", reviews.isAuthor(id, me.getId()));
        Reviews.Review saved = reviews.find(id, me.getId()).orElse(null);
        model.addAttribute("conflictDeclared", saved != null && saved.conflictOfInterest());
        model.addAttribute("overrides", reviews.overrides(id));
        model.addAttribute("rubric", Rubric.values());
        model.addAttribute("verdicts", TrendShape.choices());
        return "judging/review";
    }
}
