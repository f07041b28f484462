package org.ladderboard.app.round;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.app.openapi.Tags;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.validation.ValidationSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The current round for everyone, and for organizers what the rounds page does: list, read, create, edit and
 * re-score rounds, through {@link RoundService} as the page does.
 */
@RestController
@Tag(name = Tags.ROUNDS)
class RoundApiController {

    /**
     * The current round; {@code quota} is present when a contestant calls with credentials. {@code fewShotShots}: the
     * K's every submission is also scored with (empty without a few-shot sweep), so a contestant knows before uploading.
     */
    record RoundJson(long id, String name, String description, Instant opensAt, Instant closesAt, boolean open,
                     int minExamples, int dailyLimit, int failedDailyLimit, List<LadderJson> ladders,
                     QuotaJson quota, List<Integer> fewShotShots) {
    }

    /**
     * A ladder as contestants see it: names and scale, not where the checkpoints live. {@code heldOut} and
     * {@code releasedAt} only for judges and organizers (absent for everyone else, who never see a private ladder).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LadderJson(String name, String family, String xAxis, List<ModelJson> models, Boolean heldOut,
                      Instant releasedAt) {
        static LadderJson of(Ladder ladder, RoundLadder state, boolean withState) {
            return new LadderJson(ladder.name(), ladder.family(), ladder.xAxis(), ladder.rungs().stream()
                    .map(m -> new ModelJson(m.name(), m.parameters(), m.trainingTokens())).toList(),
                    withState ? state != null && state.heldOut() : null, withState && state != null ? state.releasedAt() : null);
        }
    }

    record ModelJson(String name, long parameters, Long trainingTokens) {
    }

    record QuotaJson(int remaining, int used, int limit, int failed, int failedLimit, Instant resetsAt) {
    }

    /**
     * A round as organizers manage it; {@code heldOut}: its ladders held out and not released yet (set with
     * {@code PUT /api/rounds/{id}/ladders/{ladder}}); {@code fewShotShots}, {@code fewShotSeed}: its few-shot sweep
     * (set with {@code PUT /api/rounds/{id}/few-shot}).
     */
    record ManagedRound(long id, String name, String description, Instant opensAt, Instant closesAt, boolean open,
                        int minExamples, int dailyLimit, int failedDailyLimit, List<String> ladders,
                        boolean leaderboardRevealed, boolean leaderboardPublic, Instant createdAt, List<String> heldOut,
                        List<Integer> fewShotShots, Long fewShotSeed) {
    }

    /** A round's settings; on an edit, a field left out keeps its value. */
    @Schema(description = "A round's settings. On create, name, opensAt, closesAt and ladders are required and the "
            + "limits default to 300 examples, 5 submissions and 20 failed uploads a day; on an edit, a field left "
            + "out keeps its value.")
    record RoundBody(@Schema(example = "Round 2") String name, @Schema(example = "Tasks on negation") String description,
                     @Schema(example = "2026-12-01T00:00:00Z") Instant opensAt,
                     @Schema(example = "2027-01-15T00:00:00Z") Instant closesAt,
                     @Schema(example = "300") Integer minExamples, @Schema(example = "5") Integer dailyLimit,
                     @Schema(example = "20") Integer failedDailyLimit, @Schema(example = "[\"micro\"]") List<String> ladders) {
    }

    record Rescored(long id, int rescored) {
    }

    private static final String INVALID = """
            {"error": "the round was not saved", "fields": {"closesAt": "the round must close after it opens", \
            "ladders": "no ladder named gpt-9"}}""";

    private final RoundService rounds;
    private final LadderRegistry ladders;
    private final CurrentAccount currentAccount;
    private final LadderVisibility visibility;

    RoundApiController(RoundService rounds, LadderRegistry ladders, CurrentAccount currentAccount,
                       LadderVisibility visibility) {
        this.rounds = rounds;
        this.ladders = ladders;
        this.currentAccount = currentAccount;
        this.visibility = visibility;
    }

    @GetMapping("/api/rounds/current")
    @Operation(summary = "The current round", description = "The open round, else the next, else the last. No account "
            + "needed; with a contestant's credentials the answer adds the day's quota.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "the round")
    @ApiResponse(responseCode = "404", description = "no round has been created yet")
    ResponseEntity<RoundJson> current() {
        return rounds.current().map(round -> {
            Account me = currentAccount.get().orElse(null);
            VisibleLadders shown = visibility.inRound(round.getId(), me);
            boolean withState = LadderVisibility.seesPrivateLadders(me);
            Map<String, RoundLadder> states = new HashMap<>();
            visibility.ladders(round.getId()).forEach(l -> states.put(l.ladder(), l));
            QuotaJson quota = currentAccount.get().filter(a -> a.getRole() == Role.CONTESTANT).map(a -> {
                Quota q = rounds.quota(round, a);
                return new QuotaJson(q.remaining(), q.used(), q.limit(), q.failed(), q.failedLimit(), q.resetsAt());
            }).orElse(null);
            return ResponseEntity.ok(new RoundJson(round.getId(), round.getName(), round.getDescription(),
                    round.getOpensAt(), round.getClosesAt(), round.isOpenAt(rounds.now()), round.getMinExamples(),
                    round.getDailyLimit(), round.getFailedDailyLimit(),
                    round.getLadders().stream().filter(shown::shows).flatMap(n -> ladders.find(n).stream())
                            .map(l -> LadderJson.of(l, states.get(l.name()), withState)).toList(),
                    quota, round.getFewShotShots()));
        }).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round has been created yet"));
    }

    @GetMapping("/api/rounds")
    @Operation(summary = "Every round", description = "Organizers only; the latest to open first.")
    List<ManagedRound> list() {
        return rounds.all().stream().map(this::managed).toList();
    }

    @GetMapping("/api/rounds/{id}")
    @Operation(summary = "One round's settings", description = "Organizers only.")
    @ApiResponse(responseCode = "200", description = "the round")
    @ApiResponse(responseCode = "404", description = "no round 7")
    ManagedRound one(@PathVariable long id) {
        return managed(round(id));
    }

    @PostMapping("/api/rounds")
    @Operation(summary = "Create a round", description = "Organizers only; audited. Times are instants (UTC). Every "
            + "ladder must be one of the ladders file's.")
    @ApiResponse(responseCode = "201", description = "created; Location names the new round",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ManagedRound.class)))
    @ApiResponse(responseCode = "400", description = "a setting is missing or wrong; nothing is saved", content = @Content(
            mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Error"),
            examples = @ExampleObject(value = INVALID)))
    ResponseEntity<?> create(@RequestBody RoundBody body) {
        RoundService.Saved saved = rounds.save(null, settings(body, null), currentAccount.require());
        if (!saved.saved()) {
            return invalid(saved);
        }
        return ResponseEntity.created(URI.create("/api/rounds/" + saved.round().getId())).body(managed(saved.round()));
    }

    @PatchMapping("/api/rounds/{id}")
    @Operation(summary = "Edit a round", description = "Organizers only; audited. Fields left out keep their value.")
    @ApiResponse(responseCode = "200", description = "saved",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ManagedRound.class)))
    @ApiResponse(responseCode = "400", description = "a setting is wrong; nothing is saved", content = @Content(
            mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Error"),
            examples = @ExampleObject(value = INVALID)))
    @ApiResponse(responseCode = "404", description = "no round 7")
    ResponseEntity<?> edit(@PathVariable long id, @RequestBody RoundBody body) {
        Round round = round(id);
        RoundService.Saved saved = rounds.save(round, settings(body, round), currentAccount.require());
        return saved.saved() ? ResponseEntity.ok(managed(saved.round())) : invalid(saved);
    }

    @PostMapping("/api/rounds/{id}/rescore")
    @Operation(summary = "Re-score a round", description = "Organizers only; audited. Every scored or failed "
            + "submission of the round loses its scores and curves and is queued again on the round's ladders.")
    @ApiResponse(responseCode = "200", description = "how many submissions were queued again")
    @ApiResponse(responseCode = "404", description = "no round 7")
    Rescored rescore(@PathVariable long id) {
        return new Rescored(id, rounds.rescore(round(id), currentAccount.require()));
    }

    private Round round(long id) {
        return rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + id));
    }

    /** The body over what is there: the round's values, or a new round's defaults. */
    private static RoundService.Settings settings(RoundBody b, Round current) {
        return new RoundService.Settings(
                b.name() != null ? b.name() : current == null ? null : current.getName(),
                b.description() != null ? b.description() : current == null ? "" : current.getDescription(),
                b.opensAt() != null ? b.opensAt() : current == null ? null : current.getOpensAt(),
                b.closesAt() != null ? b.closesAt() : current == null ? null : current.getClosesAt(),
                b.minExamples() != null ? b.minExamples() : current == null ? ValidationSettings.DEFAULT_MIN_ROWS : current.getMinExamples(),
                b.dailyLimit() != null ? b.dailyLimit() : current == null ? Round.DEFAULT_DAILY_LIMIT : current.getDailyLimit(),
                b.failedDailyLimit() != null ? b.failedDailyLimit() : current == null ? Round.DEFAULT_FAILED_DAILY_LIMIT : current.getFailedDailyLimit(),
                b.ladders() != null ? b.ladders() : current == null ? List.of() : List.copyOf(current.getLadders()));
    }

    private static ResponseEntity<Map<String, Object>> invalid(RoundService.Saved saved) {
        return ResponseEntity.badRequest().body(Map.of("error", "the round was not saved", "fields", saved.problems()));
    }

    private ManagedRound managed(Round r) {
        return new ManagedRound(r.getId(), r.getName(), r.getDescription(), r.getOpensAt(), r.getClosesAt(),
                r.isOpenAt(rounds.now()), r.getMinExamples(), r.getDailyLimit(), r.getFailedDailyLimit(),
                List.copyOf(r.getLadders()), r.isLeaderboardRevealed(), r.isLeaderboardPublic(), r.getCreatedAt(),
                visibility.ladders(r.getId()).stream().filter(RoundLadder::isPrivate).map(RoundLadder::ladder).sorted().toList(),
                r.getFewShotShots(), r.getFewShotSeed());
    }
}
