package org.ladderboard.app.leaderboard;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.award.Winners;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.app.submission.Cause;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class LeaderboardController {

    private final Leaderboard leaderboard;
    private final RoundService rounds;
    private final CurrentAccount currentAccount;
    private final Winners winners;
    private final LadderVisibility visibility;

    LeaderboardController(Leaderboard leaderboard, RoundService rounds, CurrentAccount currentAccount, Winners winners,
                          LadderVisibility visibility) {
        this.leaderboard = leaderboard;
        this.rounds = rounds;
        this.currentAccount = currentAccount;
        this.winners = winners;
        this.visibility = visibility;
    }

    /** See {@link Leaderboard#shownTo}; a visitor who may not see it is asked to sign in. */
    @GetMapping("/leaderboard")
    String leaderboard(@RequestParam(required = false) String cause, @RequestParam(required = false) String verdict,
                       @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean desc,
                       @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size,
                       Model model) {
        Account me = currentAccount.get().orElse(null);
        Round round = rounds.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (me == null && !Leaderboard.shownTo(null, round)) {
            return "redirect:/login";
        }
        boolean hidden = !Leaderboard.shownTo(me, round);
        model.addAttribute("round", round);
        model.addAttribute("hidden", hidden);
        model.addAttribute("causes", Cause.values());
        model.addAttribute("cause", cause);
        model.addAttribute("verdict", verdict);
        model.addAttribute("sort", sort);
        model.addAttribute("desc", desc);
        if (!hidden) {
            var ladders = visibility.inRound(round.getId(), me);
            Leaderboard.Page shown = leaderboard.page(round, ladders, cause, verdict, sort, desc, page, size);
            model.addAttribute("page", shown);
            model.addAttribute("rows", shown.rows());
            model.addAttribute("ladders", round.getLadders().stream().filter(ladders::shows).toList());
            // judges and organizers see which of them are held out; no one else sees those ladders at all
            model.addAttribute("heldOut", visibility.ladders(round.getId()).stream()
                    .filter(l -> l.isPrivate() && ladders.shows(l.ladder())).map(l -> l.ladder()).toList());
            model.addAttribute("tiers", me != null && me.getRole() == Role.ORGANIZER ? winners.of(round.getId()) : java.util.Map.of());
        }
        return "leaderboard/leaderboard";
    }

    @PostMapping("/organizer/rounds/{id}/leaderboard")
    String reveal(@PathVariable long id, @RequestParam boolean revealed, RedirectAttributes redirect) {
        rounds.reveal(round(id), revealed, currentAccount.require());
        redirect.addFlashAttribute("message", revealed ? "the leaderboard is visible to contestants" : "the leaderboard is hidden from contestants");
        return "redirect:/leaderboard";
    }

    /** Shows the round's leaderboard, while revealed, to visitors who are not signed in as well; or stops that. */
    @PostMapping("/organizer/rounds/{id}/leaderboard/public")
    String makePublic(@PathVariable long id, @RequestParam("public") boolean visible, RedirectAttributes redirect) {
        rounds.makePublic(round(id), visible, currentAccount.require());
        redirect.addFlashAttribute("message", visible ? "while revealed, the leaderboard is public: anyone can see it without signing in"
                : "the leaderboard is for signed-in accounts only");
        return "redirect:/leaderboard";
    }

    private Round round(long id) {
        return rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
