package org.ladderboard.app.home;

import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.round.RoundService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final RoundService rounds;
    private final CurrentAccount currentAccount;
    private final LadderRegistry ladders;
    private final LadderVisibility visibility;

    HomeController(RoundService rounds, CurrentAccount currentAccount, LadderRegistry ladders,
                   LadderVisibility visibility) {
        this.rounds = rounds;
        this.currentAccount = currentAccount;
        this.ladders = ladders;
        this.visibility = visibility;
    }

    @GetMapping("/")
    String home(Model model) {
        rounds.current().ifPresent(round -> {
            model.addAttribute("round", round);
            model.addAttribute("roundOpen", round.isOpenAt(rounds.now()));
            var shown = visibility.inRound(round.getId(), currentAccount.get().orElse(null));
            model.addAttribute("roundLadders", round.getLadders().stream().filter(shown::shows)
                    .flatMap(n -> ladders.find(n).stream()).toList());
            currentAccount.get().filter(a -> a.getRole() == Role.CONTESTANT)
                    .ifPresent(a -> model.addAttribute("quota", rounds.quota(round, a)));
        });
        return "home";
    }
}
