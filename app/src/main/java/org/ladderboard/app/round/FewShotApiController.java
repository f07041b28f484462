package org.ladderboard.app.round;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.openapi.Tags;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/rounds/{id}/few-shot}: an organizer's script sets a round's few-shot sweep, as the round form does. */
@RestController
@Tag(name = Tags.ROUNDS)
class FewShotApiController {

    /** The request and the answer: {@code {"shots":[0,1,2,4],"seed":1234}}. */
    record FewShotJson(List<Integer> shots, Long seed) {
    }

    /** The sweep as stored, and how many jobs the change queued; {@code seed} is "default" when none was given. */
    record SweepSet(long id, List<Integer> shots,
                    @io.swagger.v3.oas.annotations.media.Schema(description = "the seed, or \"default\"", example = "1234") Object seed,
                    int jobsQueued) {
    }

    private final RoundRepository rounds;
    private final FewShotSettings settings;
    private final CurrentAccount currentAccount;

    FewShotApiController(RoundRepository rounds, FewShotSettings settings, CurrentAccount currentAccount) {
        this.rounds = rounds;
        this.settings = settings;
        this.currentAccount = currentAccount;
    }

    @PutMapping("/api/rounds/{id}/few-shot")
    @Operation(summary = "Set a round's few-shot sweep", description = "Organizers only; audited. Every submission of "
            + "the round is also scored K-shot for each K (0 is always scored): new K's are queued for queued, scoring "
            + "and scored submissions, removed K's lose their jobs, scores and curves, a new seed scores every K again.")
    @ApiResponse(responseCode = "200", description = "the stored sweep and how many jobs the change queued",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SweepSet.class)))
    @ApiResponse(responseCode = "400", description = "a K below 0, given twice, above 64, more than 8 K's, or too large for "
            + "the round's minimum examples or its smallest part submitted; nothing is changed")
    @ApiResponse(responseCode = "404", description = "no round 7")
    ResponseEntity<?> set(@PathVariable long id, @RequestBody FewShotJson body) {
        // organizers only: SecurityConfig's rule for /api/rounds/** decides that, for the page's API as a whole
        Account me = currentAccount.require();
        Round round = rounds.findById(id).orElse(null);
        if (round == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no round " + id));
        }
        FewShotSettings.Change change = settings.set(round, body.shots(), body.seed(), me);
        if (!change.problems().isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", String.join("; ", change.problems()),
                    "fields", Map.of("shots", String.join("; ", change.problems()))));
        }
        return ResponseEntity.ok(new SweepSet(id, change.sweep().shots(),
                change.sweep().seed() == null ? "default" : change.sweep().seed(), change.jobsQueued()));
    }
}
