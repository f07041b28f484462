package org.ladderboard.app.scoring;

import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.ladder.LadderHealth;
import org.ladderboard.app.ladder.LadderRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organizer's queue page: depth, workers, failed jobs with their errors and a retry button, broken ladders. */
@Controller
class QueueController {

    private final ScoringResults results;
    private final ScoringControl control;
    private final LadderHealth health;
    private final LadderRegistry ladders;
    private final CurrentAccount currentAccount;

    QueueController(ScoringResults results, ScoringControl control, LadderHealth health, LadderRegistry ladders,
                    CurrentAccount currentAccount) {
        this.results = results;
        this.control = control;
        this.health = health;
        this.ladders = ladders;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/organizer/queue")
    String queue(Model model) {
        model.addAttribute("queue", results.queue());
        model.addAttribute("ladderProblems", health.problems());
        model.addAttribute("ladders", ladders.all());
        return "scoring/queue";
    }

    @PostMapping("/organizer/jobs/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        boolean retried = control.retry(id, currentAccount.require());
        redirect.addFlashAttribute("message", retried ? "job " + id + " is queued again" : "job " + id + " is not failed");
        return "redirect:/organizer/queue";
    }
}
