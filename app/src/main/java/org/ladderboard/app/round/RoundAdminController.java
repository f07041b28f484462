package org.ladderboard.app.round;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.ladder.Ladder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organizers create and edit rounds (times in UTC), choose their ladders, and re-score a whole round; the rules
 * are {@link RoundService}'s, which {@code /api/rounds} calls too.
 */
@Controller
class RoundAdminController {

    private final RoundService rounds;
    private final LadderRegistry ladders;
    private final CurrentAccount currentAccount;

    RoundAdminController(RoundService rounds, LadderRegistry ladders, CurrentAccount currentAccount) {
        this.rounds = rounds;
        this.ladders = ladders;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/organizer/rounds")
    String list(@RequestParam(required = false) Long edit, Model model) {
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("ladders", ladders.all().stream().map(Ladder::name).toList());
        model.addAttribute("editing", edit == null ? null : rounds.find(edit).orElse(null));
        return "round/rounds";
    }

    @PostMapping("/organizer/rounds")
    String save(@RequestParam(required = false) Long id, @RequestParam String name, @RequestParam(defaultValue = "") String description,
                @RequestParam String opensAt, @RequestParam String closesAt, @RequestParam int minExamples,
                @RequestParam int dailyLimit, @RequestParam int failedDailyLimit,
                @RequestParam(required = false) List<String> ladderNames, RedirectAttributes redirect) {
        Round existing = id == null ? null : rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> chosen = ladderNames == null ? List.of() : ladderNames;
        RoundService.Saved saved = rounds.save(existing, new RoundService.Settings(name, description, utc(opensAt),
                utc(closesAt), minExamples, dailyLimit, failedDailyLimit, chosen), currentAccount.require());
        if (!saved.saved()) {
            redirect.addFlashAttribute("problems", new ArrayList<>(saved.problems().values()));
            // the form shows what was typed again, not an empty form
            redirect.addFlashAttribute("entered", Map.of("name", name, "description", description, "opensAt", opensAt,
                    "closesAt", closesAt, "minExamples", minExamples, "dailyLimit", dailyLimit,
                    "failedDailyLimit", failedDailyLimit, "ladderNames", chosen));
            return "redirect:/organizer/rounds" + (id == null ? "" : "?edit=" + id);
        }
        redirect.addFlashAttribute("message", "round '" + saved.round().getName() + "' saved");
        return "redirect:/organizer/rounds";
    }

    /** See {@link RoundService#rescore}. */
    @PostMapping("/organizer/rounds/{id}/rescore")
    String rescore(@PathVariable long id, RedirectAttributes redirect) {
        Round round = rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        int rescored = rounds.rescore(round, currentAccount.require());
        redirect.addFlashAttribute("message", rescored + " submission(s) queued for scoring again");
        return "redirect:/organizer/rounds";
    }

    /** The form's time (a datetime-local, read as UTC); null when it is not one, which the service names. */
    private static Instant utc(String value) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
