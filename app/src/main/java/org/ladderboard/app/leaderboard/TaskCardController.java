package org.ladderboard.app.leaderboard;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.analysis.CurvePages;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.submission.PartLabels;
import org.ladderboard.app.submission.Submission;
import org.ladderboard.app.submission.SubmissionDetails;
import org.ladderboard.app.submission.SubmissionRepository;
import org.ladderboard.queue.SubmissionStatus;
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
    private final CurvePages curves;
    private final LadderVisibility visibility;

    TaskCardController(SubmissionRepository submissions, SubmissionDetails details, CurrentAccount currentAccount,
                       CurvePages curves, LadderVisibility visibility) {
        this.submissions = submissions;
        this.details = details;
        this.currentAccount = currentAccount;
        this.curves = curves;
        this.visibility = visibility;
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
        PartLabels labels = details.publicLabels(id);
        CurvePages.Shown shown = curves.of(id, s.getTaskType(), labels::name, visibility.ofSubmission(id, me));
        model.addAttribute("s", s);
        model.addAttribute("roundName", s.getRound().getName());
        model.addAttribute("curves", shown.curves());
        model.addAttribute("generality", shown.generality());
        model.addAttribute("partCurves", shown.partCurves());
        model.addAttribute("curvesBeingComputed", shown.beingComputed());
        model.addAttribute("sweep", shown.sweep());
        model.addAttribute("fullPage", me != null && SubmissionDetails.maySee(me, s));
        return "leaderboard/task";
    }
}
