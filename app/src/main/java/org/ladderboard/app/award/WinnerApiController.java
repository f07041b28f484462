package org.ladderboard.app.award;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.openapi.Tags;
import org.ladderboard.app.round.RoundService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The leaderboard's winner choice as JSON: organizers list, set, change and remove a round's winners ({@link Winners}). */
@RestController
@Tag(name = Tags.WINNERS)
class WinnerApiController {

    record WinnerJson(long submission, String tier) {
    }

    record WinnersJson(long round, List<String> tiers, List<WinnerJson> winners) {
    }

    record TierBody(@Schema(description = "grand, second or third", example = "grand") String tier) {
    }

    private final RoundService rounds;
    private final Winners winners;
    private final CurrentAccount currentAccount;

    WinnerApiController(RoundService rounds, Winners winners, CurrentAccount currentAccount) {
        this.rounds = rounds;
        this.winners = winners;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/api/rounds/{id}/winners")
    @Operation(summary = "A round's winners", description = "Organizers only: the prize tiers there are, and each "
            + "winner with its tier, grand first.")
    @ApiResponse(responseCode = "200", description = "the winners")
    @ApiResponse(responseCode = "404", description = "no round 7")
    WinnersJson list(@PathVariable long id) {
        return of(round(id));
    }

    @PutMapping("/api/rounds/{id}/winners/{submission}")
    @Operation(summary = "Choose a winner, or change its tier", description = "Organizers only; audited. Only a "
            + "scored submission of the round can win.")
    @ApiResponse(responseCode = "200", description = "the round's winners now")
    @ApiResponse(responseCode = "400", description = "no prize tier named gold: grand, second or third")
    @ApiResponse(responseCode = "404", description = "no round 7")
    @ApiResponse(responseCode = "409", description = "submission 42 is not a scored submission of this round: no winner was set")
    WinnersJson choose(@PathVariable long id, @PathVariable long submission, @RequestBody TierBody body) {
        long round = round(id);
        String tier = body.tier() == null ? "" : body.tier();
        if (PrizeTier.fromId(tier).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no prize tier named " + tier + ": grand, second or third");
        }
        if (!winners.choose(round, submission, tier, currentAccount.require())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "submission " + submission + " is not a scored submission of this round: no winner was set");
        }
        return of(round);
    }

    @DeleteMapping("/api/rounds/{id}/winners/{submission}")
    @Operation(summary = "Remove a winner", description = "Organizers only; audited.")
    @ApiResponse(responseCode = "200", description = "the round's winners now")
    @ApiResponse(responseCode = "404", description = "submission 42 is not a winner of round 7")
    WinnersJson remove(@PathVariable long id, @PathVariable long submission) {
        long round = round(id);
        if (!winners.choose(round, submission, "none", currentAccount.require())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "submission " + submission + " is not a winner of round " + id);
        }
        return of(round);
    }

    private long round(long id) {
        return rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + id)).getId();
    }

    private WinnersJson of(long round) {
        return new WinnersJson(round, Arrays.stream(PrizeTier.values()).map(PrizeTier::id).toList(),
                winners.of(round).entrySet().stream().map(e -> new WinnerJson(e.getKey(), e.getValue())).toList());
    }
}
