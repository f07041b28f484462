package org.ladderboard.app.judging;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.analysis.TrendShape;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.analysis.CurveChart;
import org.ladderboard.app.analysis.CurveView;
import org.ladderboard.app.analysis.LadderAnalysis;
import org.ladderboard.app.analysis.VerdictWords;
import org.ladderboard.app.audit.AuditLog;
import org.ladderboard.app.leaderboard.Leaderboard;
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

    private static final List<String> VERDICTS = TrendShape.choices().stream().map(TrendShape::code).toList();

    private final Leaderboard leaderboard;
    private final RoundService rounds;
    private final Reviews reviews;
    private final SubmissionDetails details;
    private final CurrentAccount currentAccount;
    private final LadderAnalysis analysis;
    private final CurveChart chart;
    private final VerdictWords words;
    private final AuditLog audit;

    JudgingController(Leaderboard leaderboard, RoundService rounds, Reviews reviews, SubmissionDetails details,
                      CurrentAccount currentAccount, LadderAnalysis analysis, CurveChart chart, VerdictWords words,
                      AuditLog audit) {
        this.leaderboard = leaderboard;
        this.rounds = rounds;
        this.reviews = reviews;
        this.details = details;
        this.currentAccount = currentAccount;
        this.analysis = analysis;
        this.chart = chart;
        this.words = words;
        this.audit = audit;
    }

    /** The round's scored submissions by name; {@code todo} keeps only those this judge has not reviewed yet. */
    @GetMapping("/judging")
    String queue(@RequestParam(defaultValue = "false") boolean todo, Model model) {
        Account me = currentAccount.require();
        Round round = rounds.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Leaderboard.Row> rows = leaderboard.rows(round, null, null, "name", false);
        Map<Long, String> mine = reviews.standingOf(me.getId(), round.getId());
        model.addAttribute("round", round);
        model.addAttribute("todo", todo);
        model.addAttribute("total", rows.size());
        model.addAttribute("done", rows.stream().filter(r -> mine.containsKey(r.id())).count());
        model.addAttribute("rows", todo ? rows.stream().filter(r -> !mine.containsKey(r.id())).toList() : rows);
        model.addAttribute("mine", mine);
        model.addAttribute("summaries", reviews.summaries(round.getId()));
        model.addAttribute("rubric", Rubric.values());
        return "judging/queue";
    }

    @GetMapping("/judging/{id}")
    String review(@PathVariable long id, Model model) {
        Account me = currentAccount.require();
        SubmissionDetails.View view = details.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("s", view.submission());
        model.addAttribute("curves", analysis.curves(id, view.submission().getTaskType()).stream()
                .map(c -> CurveView.of(c, chart, words)).toList());
        model.addAttribute("review", reviews.find(id, me.getId()).orElse(null));
        model.addAttribute("overrides", reviews.overrides(id));
        model.addAttribute("rubric", Rubric.values());
        model.addAttribute("verdicts", TrendShape.choices());
        return "judging/review";
    }

    @PostMapping("/judging/{id}")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Account me = currentAccount.require();
        details.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean conflict = form.containsKey("conflictOfInterest");
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        Map<Rubric, String> notes = new EnumMap<>(Rubric.class);
        List<String> problems = new java.util.ArrayList<>();
        for (Rubric c : Rubric.values()) {
            String value = form.getFirst(c.column());
            notes.put(c, form.getFirst(c.column() + "Note"));
            if (value != null && value.matches("[1-5]")) {
                scores.put(c, Integer.parseInt(value));
            } else if (!conflict) {
                problems.add("score " + c.label().toLowerCase() + " from 1 to 5");
            }
        }
        String override = form.getFirst("verdictOverride");
        override = override == null || override.isBlank() ? null : override;
        String reason = form.getFirst("overrideReason");
        if (override != null && !VERDICTS.contains(override)) {
            problems.add("choose a verdict from the list");
        }
        if (override != null && (reason == null || reason.isBlank())) {
            problems.add("give a reason for overriding the verdict");
        }
        if (!problems.isEmpty() && !conflict) {
            redirect.addFlashAttribute("problems", problems);
            return "redirect:/judging/" + id;
        }
        reviews.save(new Reviews.Review(id, me.getId(), conflict, scores, notes, override, reason == null ? null : reason.strip()));
        audit.record(me, conflict ? "conflict of interest" : "review", "submission " + id,
                override == null || conflict ? "" : "verdict overridden to " + TrendShape.labelOf(override) + ": " + reason.strip());
        redirect.addFlashAttribute("message", conflict ? "conflict of interest recorded for submission " + id
                : "review of submission " + id + " saved");
        return "redirect:/judging";
    }
}
