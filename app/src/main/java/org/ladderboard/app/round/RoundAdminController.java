package org.ladderboard.app.round;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.audit.AuditLog;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.app.scoring.ScoringControl;
import org.ladderboard.ladder.Ladder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers create and edit rounds (times in UTC), choose their ladders, and re-score a whole round. */
@Controller
class RoundAdminController {

    private final RoundRepository rounds;
    private final LadderRegistry ladders;
    private final AuditLog audit;
    private final CurrentAccount currentAccount;
    private final ScoringControl scoring;
    private final RoundService roundService;
    private final LadderVisibility visibility;
    private final FewShotSettings fewShot;

    RoundAdminController(RoundRepository rounds, LadderRegistry ladders, AuditLog audit, CurrentAccount currentAccount,
                         ScoringControl scoring, RoundService roundService, LadderVisibility visibility,
                         FewShotSettings fewShot) {
        this.rounds = rounds;
        this.ladders = ladders;
        this.audit = audit;
        this.currentAccount = currentAccount;
        this.scoring = scoring;
        this.roundService = roundService;
        this.visibility = visibility;
        this.fewShot = fewShot;
    }

    @GetMapping("/organizer/rounds")
    String list(@RequestParam(required = false) Long edit, Model model) {
        List<Round> all = rounds.findAll().stream().sorted((a, b) -> b.getOpensAt().compareTo(a.getOpensAt())).toList();
        model.addAttribute("rounds", all);
        java.util.Map<Long, List<RoundLadder>> roundLadders = new java.util.HashMap<>();
        all.forEach(r -> roundLadders.put(r.getId(), visibility.ladders(r.getId())));
        model.addAttribute("roundLadders", roundLadders);
        model.addAttribute("ladders", ladders.all().stream().map(Ladder::name).toList());
        model.addAttribute("editing", edit == null ? null : rounds.findById(edit).orElse(null));
        return "round/rounds";
    }

    @PostMapping("/organizer/rounds")
    @Transactional
    String save(@RequestParam(required = false) Long id, @RequestParam String name, @RequestParam(defaultValue = "") String description,
                @RequestParam String opensAt, @RequestParam String closesAt, @RequestParam int minExamples,
                @RequestParam int dailyLimit, @RequestParam int failedDailyLimit,
                @RequestParam(required = false) List<String> ladderNames,
                @RequestParam(defaultValue = "") String fewshotShots, @RequestParam(defaultValue = "") String fewshotSeed,
                RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        Instant opens = utc(opensAt, "opens", problems);
        Instant closes = utc(closesAt, "closes", problems);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            problems.add("the round must close after it opens");
        }
        if (name.isBlank() || minExamples < 1 || dailyLimit < 0 || failedDailyLimit < 0) {
            problems.add("give a name, at least 1 example, and limits of 0 or more");
        }
        if (name.strip().length() > Round.NAME_MAX) {
            problems.add("the name has " + name.strip().length() + " characters; use at most " + Round.NAME_MAX + " characters");
        }
        List<String> chosen = ladderNames == null ? List.of() : ladderNames;
        chosen.stream().filter(l -> ladders.find(l).isEmpty()).forEach(l -> problems.add("no ladder named " + l));
        if (chosen.isEmpty()) {
            // a round without a ladder would accept uploads that nothing can ever score
            problems.add("choose at least one ladder to score the round on");
        }
        if (id != null) {
            // its results would lose their held-out state with the row: release it, or make it public, first
            roundService.privateLadders(id).stream().filter(l -> !chosen.contains(l)).sorted().forEach(l -> problems.add(
                    "ladder " + l + " is held out: release it or make it public before taking it off the round"));
        }
        Round existing = id == null ? null : rounds.findById(id).orElse(null);
        List<Integer> shots = FewShotSweep.parse(fewshotShots, problems);
        Long seed = FewShotSweep.parseSeed(fewshotSeed, problems);
        if (shots != null && minExamples >= 1) {
            fewShot.problems(existing == null ? new Round(name, opens, closes) : existing, minExamples, shots).stream()
                    .map(p -> "few-shot sweep: " + p).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            // the form shows what was typed again, not an empty form
            redirect.addFlashAttribute("entered", java.util.Map.of("name", name, "description", description, "opensAt", opensAt,
                    "closesAt", closesAt, "minExamples", minExamples, "dailyLimit", dailyLimit,
                    "failedDailyLimit", failedDailyLimit, "ladderNames", chosen, "fewshotShots", fewshotShots,
                    "fewshotSeed", fewshotSeed));
            return "redirect:/organizer/rounds" + (id == null ? "" : "?edit=" + id);
        }
        Round round = id == null ? new Round(name.strip(), opens, closes) : existing;
        if (round == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        round.setSchedule(name.strip(), opens, closes);
        round.setDescription(description);
        round.setMinExamples(minExamples);
        round.setDailyLimit(dailyLimit);
        round.setFailedDailyLimit(failedDailyLimit);
        round.setLadders(new LinkedHashSet<>(chosen));
        rounds.save(round);
        audit.record(currentAccount.require(), id == null ? "round created" : "round edited", round.getName(),
                opens + " to " + closes + ", ladders " + chosen);
        fewShot.set(round, shots, seed, currentAccount.require());
        redirect.addFlashAttribute("message", "round '" + round.getName() + "' saved");
        return "redirect:/organizer/rounds";
    }

    /**
     * Scores every scored or failed submission of the round again (after a ladder changed, say): their scores and
     * aggregates are dropped and one job per current ladder model is queued.
     */
    @PostMapping("/organizer/rounds/{id}/rescore")
    @Transactional
    String rescore(@PathVariable long id, RedirectAttributes redirect) {
        Round round = rounds.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Ladder> roundLadders = round.getLadders().stream().flatMap(name -> ladders.find(name).stream()).toList();
        int rescored = scoring.rescoreRound(id, roundLadders, currentAccount.require());
        audit.record(currentAccount.require(), "round re-scored", round.getName(), rescored + " submissions");
        redirect.addFlashAttribute("message", rescored + " submission(s) queued for scoring again");
        return "redirect:/organizer/rounds";
    }

    /** Holds a round's ladder out (results for judges and organizers only) or makes it public again. */
    @PostMapping("/organizer/rounds/{id}/ladders/{ladder}/held-out")
    String setHeldOut(@PathVariable long id, @PathVariable String ladder, @RequestParam boolean heldOut,
                      RedirectAttributes redirect) {
        RoundService.LadderChange change = roundService.setHeldOut(id, ladder, heldOut, currentAccount.require());
        return afterLadderChange(change, ladder, heldOut
                ? "ladder '" + ladder + "' is held out: its results are for judges and organizers only"
                : "ladder '" + ladder + "' is public: everyone who sees the round's results sees its results", redirect);
    }

    /** Releases a held-out ladder to everyone who sees the round's results; final. */
    @PostMapping("/organizer/rounds/{id}/ladders/{ladder}/release")
    String release(@PathVariable long id, @PathVariable String ladder, RedirectAttributes redirect) {
        RoundService.LadderChange change = roundService.release(id, ladder, currentAccount.require());
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

    private static Instant utc(String value, String what, List<String> problems) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add("when the round " + what + " is not a date and time");
            return null;
        }
    }
}
