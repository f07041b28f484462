package org.ladderboard.app.round;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Organizers create and edit rounds (times in UTC), choose their ladders, hold ladders out and release them, set a
 * few-shot sweep, and re-score a whole round; the rules are {@link RoundService}'s and {@link FewShotSettings}', which
 * {@code /api/rounds} calls too.
 */
@Controller
class RoundAdminController {

    private final RoundService rounds;
    private final LadderRegistry ladders;
    private final CurrentAccount currentAccount;
    private final LadderVisibility visibility;
    private final FewShotSettings fewShot;

    RoundAdminController(RoundService rounds, LadderRegistry ladders, CurrentAccount currentAccount,
                         LadderVisibility visibility, FewShotSettings fewShot) {
        this.rounds = rounds;
        this.ladders = ladders;
        this.currentAccount = currentAccount;
        this.visibility = visibility;
        this.fewShot = fewShot;
    }

    @GetMapping("/organizer/rounds")
    String list(@RequestParam(required = false) Long edit, Model model) {
        List<Round> all = rounds.all();
        model.addAttribute("rounds", all);
        Map<Long, List<RoundLadder>> roundLadders = new HashMap<>();
        all.forEach(r -> roundLadders.put(r.getId(), visibility.ladders(r.getId())));
        model.addAttribute("roundLadders", roundLadders);
        model.addAttribute("ladders", ladders.all().stream().map(Ladder::name).toList());
        model.addAttribute("editing", edit == null ? null : rounds.find(edit).orElse(null));
        return "round/rounds";
    }

    /**
     * The numbers come as text, so that "abc" or a number past the field's range is a problem named beside the form,
     * not a bare 400 page; nothing is saved while there is one.
     */
    @PostMapping("/organizer/rounds")
    String save(@RequestParam(required = false) Long id, @RequestParam String name, @RequestParam(defaultValue = "") String description,
                @RequestParam String opensAt, @RequestParam String closesAt, @RequestParam String minExamples,
                @RequestParam String dailyLimit, @RequestParam String failedDailyLimit,
                @RequestParam(required = false) List<String> ladderNames,
                @RequestParam(defaultValue = "") String fewshotShots, @RequestParam(defaultValue = "") String fewshotSeed,
                RedirectAttributes redirect) {
        Round existing = id == null ? null : rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> chosen = ladderNames == null ? List.of() : ladderNames;
        List<String> problems = new ArrayList<>();
        Integer min = wholeNumber(minExamples, "minimum examples", problems);
        Integer daily = wholeNumber(dailyLimit, "submissions per day", problems);
        Integer failed = wholeNumber(failedDailyLimit, "failed uploads per day", problems);
        List<Integer> shots = FewShotSweep.parse(fewshotShots, problems);
        Long seed = FewShotSweep.parseSeed(fewshotSeed, problems);
        RoundService.Settings settings = new RoundService.Settings(name, description, utc(opensAt), utc(closesAt),
                min == null ? 1 : min, daily == null ? 0 : daily, failed == null ? 0 : failed, chosen);
        if (shots != null && min != null && min >= 1) {
            fewShot.problems(existing == null ? new Round(name, settings.opensAt(), settings.closesAt()) : existing, min, shots)
                    .stream().map(p -> "few-shot sweep: " + p).forEach(problems::add);
        }
        RoundService.Saved saved = problems.isEmpty() ? rounds.save(existing, settings, currentAccount.require())
                : new RoundService.Saved(existing, rounds.problems(settings));
        problems.addAll(0, saved.problems().values());
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            // the form shows what was typed again, not an empty form
            Map<String, Object> entered = new HashMap<>(Map.of("name", name, "description", description, "opensAt", opensAt,
                    "closesAt", closesAt, "minExamples", minExamples, "dailyLimit", dailyLimit,
                    "failedDailyLimit", failedDailyLimit, "ladderNames", chosen));
            entered.put("fewshotShots", fewshotShots);
            entered.put("fewshotSeed", fewshotSeed);
            redirect.addFlashAttribute("entered", entered);
            return "redirect:/organizer/rounds" + (id == null ? "" : "?edit=" + id);
        }
        fewShot.set(saved.round(), shots, seed, currentAccount.require());
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

    /** Holds a round's ladder out (results for judges and organizers only) or makes it public again. */
    @PostMapping("/organizer/rounds/{id}/ladders/{ladder}/held-out")
    String setHeldOut(@PathVariable long id, @PathVariable String ladder, @RequestParam boolean heldOut,
                      RedirectAttributes redirect) {
        RoundService.LadderChange change = rounds.setHeldOut(id, ladder, heldOut, currentAccount.require());
        return afterLadderChange(change, ladder, heldOut
                ? "ladder '" + ladder + "' is held out: its results are for judges and organizers only"
                : "ladder '" + ladder + "' is public: everyone who sees the round's results sees its results", redirect);
    }

    /** Releases a held-out ladder to everyone who sees the round's results; final. */
    @PostMapping("/organizer/rounds/{id}/ladders/{ladder}/release")
    String release(@PathVariable long id, @PathVariable String ladder, RedirectAttributes redirect) {
        RoundService.LadderChange change = rounds.release(id, ladder, currentAccount.require());
        return afterLadderChange(change, ladder, "ladder '" + ladder + "' released: contestants see its results now", redirect);
    }

    private static String afterLadderChange(RoundService.LadderChange change, String ladder, String done,
                                            RedirectAttributes redirect) {
        switch (change) {
            case NO_SUCH_ROUND, NO_SUCH_LADDER -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case CHANGED, UNCHANGED -> redirect.addFlashAttribute("message", done);
            default -> redirect.addFlashAttribute("problems", List.of(change.sentence(ladder)));
        }
        return "redirect:/organizer/rounds";
    }

    /** A form field that must be a whole number; what is not one is a problem named for the organizer. */
    private static Integer wholeNumber(String value, String field, List<String> problems) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(field + ": '" + value.strip() + "' is not a whole number"
                    + (value.strip().matches("-?\\d+") ? " this app can store (at most " + Integer.MAX_VALUE + ")" : ""));
            return null;
        }
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
