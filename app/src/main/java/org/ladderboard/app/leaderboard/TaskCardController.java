package org.ladderboard.app.leaderboard;

import java.util.List;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.analysis.CurveChart;
import org.ladderboard.app.analysis.CurveView;
import org.ladderboard.app.analysis.LadderAnalysis;
import org.ladderboard.app.analysis.ScalingCurve;
import org.ladderboard.app.analysis.VerdictWords;
import org.ladderboard.app.submission.PartLabels;
import org.ladderboard.app.submission.Submission;
import org.ladderboard.app.submission.SubmissionDetails;
import org.ladderboard.app.submission.SubmissionRepository;
import org.ladderboard.worker.queue.SubmissionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A scored submission's public task card, where the leaderboard links: the task's name, cause and description, its
 * curves, verdicts and generality. Shown to whoever the leaderboard is shown to; never the dataset's rows, its file
 * names or anything about its author.
 */
@Controller
class TaskCardController {

    private final SubmissionRepository submissions;
    private final SubmissionDetails details;
    private final CurrentAccount currentAccount;
    private final LadderAnalysis analysis;
    private final CurveChart chart;
    private final VerdictWords words;

    TaskCardController(SubmissionRepository submissions, SubmissionDetails details, CurrentAccount currentAccount,
                       LadderAnalysis analysis, CurveChart chart, VerdictWords words) {
        this.submissions = submissions;
        this.details = details;
        this.currentAccount = currentAccount;
        this.analysis = analysis;
        this.chart = chart;
        this.words = words;
    }

    @GetMapping("/tasks/{id}")
    String card(@PathVariable long id, Model model) {
        Account me = currentAccount.get().orElse(null);
        Submission s = submissions.findWithRoundById(id).filter(found -> found.getStatus() == SubmissionStatus.SCORED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Leaderboard.shownTo(me, s.getRound())) {
            if (me == null) {
                return "redirect:/login";
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<ScalingCurve> curves = analysis.curves(id, s.getTaskType());
        PartLabels labels = details.publicLabels(id);
        model.addAttribute("s", s);
        model.addAttribute("roundName", s.getRound().getName());
        model.addAttribute("curves", curves.stream().map(c -> CurveView.of(c, chart, words)).toList());
        model.addAttribute("generality", words.generality(curves, LadderAnalysis.views(s.getTaskType()).get(0)));
        model.addAttribute("partCurves", analysis.partCurves(id, s.getTaskType()).stream()
                .map(c -> CurveView.of(c.withPart(labels.name(c.part())), chart, words)).toList());
        model.addAttribute("fullPage", me != null && SubmissionDetails.maySee(me, s));
        return "leaderboard/task";
    }
}
