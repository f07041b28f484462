package org.ladderboard.app.award;

import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.round.RoundRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers pick a round's winners and their prize tiers from the leaderboard. */
@Controller
class AwardController {

    private final RoundRepository rounds;
    private final Winners winners;
    private final CurrentAccount currentAccount;

    AwardController(RoundRepository rounds, Winners winners, CurrentAccount currentAccount) {
        this.rounds = rounds;
        this.winners = winners;
        this.currentAccount = currentAccount;
    }

    @PostMapping("/organizer/rounds/{id}/winners")
    String choose(@PathVariable long id, @RequestParam long submission, @RequestParam String tier,
                  @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size,
                  RedirectAttributes redirect) {
        if (!tier.equals("none") && PrizeTier.fromId(tier).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        long roundId = rounds.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).getId();
        if (!winners.choose(roundId, submission, tier, currentAccount.require())) {
            redirect.addFlashAttribute("message", tier.equals("none")
                    ? "submission " + submission + " was not a winner: nothing changed"
                    : "submission " + submission + " is not a scored submission of this round: no winner was set");
        }
        // back to the page the organizer was on, at the row just set
        return "redirect:/leaderboard?page=" + page + "&size=" + size + "#row-" + submission;
    }
}
