package org.ladderboard.app.judging;

import java.util.EnumMap;
import java.util.Map;

import org.ladderboard.analysis.TrendShape;
import jakarta.servlet.http.HttpServletResponse;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.analysis.CurvePages;
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

    private final RoundService rounds;
    private final Reviews reviews;
    private final SubmissionDetails details;
    private final CurrentAccount currentAccount;
    private final CurvePages curves;

    JudgingController(RoundService rounds, Reviews reviews, SubmissionDetails details, CurrentAccount currentAccount,
                      CurvePages curves) {
        this.rounds = rounds;
        this.reviews = reviews;
        this.details = details;
        this.currentAccount = currentAccount;
        this.curves = curves;
    }

    /** See {@link Reviews#queue}. */
    @GetMapping("/judging")
    String queue(@RequestParam(defaultValue = "false") boolean todo, Model model) {
        Account me = currentAccount.require();
        Round round = rounds.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Reviews.Queue queue = reviews.queue(me, round, todo);
        model.addAttribute("round", round);
        model.addAttribute("todo", todo);
        model.addAttribute("total", queue.total());
        model.addAttribute("done", queue.done());
        model.addAttribute("rows", queue.rows());
        model.addAttribute("mine", queue.standing());
        model.addAttribute("summaries", queue.summaries());
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
     * Saves the review ({@link Reviews#submit}), or shows the form again with everything the judge typed and each
     * problem beside its field and listed at the top of the form, where the page lands.
     */
    @PostMapping("/judging/{id}")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        Account me = currentAccount.require();
        SubmissionDetails.View view = visible(id, me);
        boolean conflict = form.containsKey("conflictOfInterest");
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        Map<Rubric, String> notes = new EnumMap<>(Rubric.class);
        for (Rubric c : Rubric.values()) {
            String value = form.getFirst(c.column());
            notes.put(c, form.getFirst(c.column() + "Note"));
            if (value != null && value.matches("[1-5]")) {
                scores.put(c, Integer.parseInt(value));
            }
        }
        String override = form.getFirst("verdictOverride");
        override = override == null || override.isBlank() ? null : override;
        String reason = form.getFirst("overrideReason");
        Reviews.Review typed = new Reviews.Review(id, me.getId(), conflict, scores, notes, override,
                reason == null ? null : reason.strip());
        Reviews.Submitted submitted = reviews.submit(me, typed);
        if (!submitted.saved()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(view, me, typed, submitted.problems(), model);
        }
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
        // the held-out ladders among those this viewer sees (judges and organizers), marked on their curves
        model.addAttribute("heldOutLadders", view.ladders().hidesAny() ? java.util.Set.of()
                : rounds.privateLadders(view.submission().getRound().getId()));
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
