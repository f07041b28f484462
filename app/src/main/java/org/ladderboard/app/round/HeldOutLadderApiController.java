package org.ladderboard.app.round;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.openapi.Tags;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizers hold a round's ladder out and release it by script, as on the rounds page: {@code PUT
 * /api/rounds/{id}/ladders/{ladder}} with {@code {"heldOut":true}} and {@code POST .../release}. Both answer the
 * ladder's state; docs/api.md lists the errors.
 */
@RestController
@Tag(name = Tags.ROUNDS)
class HeldOutLadderApiController {

    /** What {@code PUT} takes: {@code {"heldOut": true}} or {@code {"heldOut": false}}. */
    record HeldOutBody(Boolean heldOut) {
    }

    /** A round's ladder after a change: {@code private} while it is held out and not released. */
    record LadderState(long roundId, String ladder, boolean heldOut, java.time.Instant releasedAt,
                       @com.fasterxml.jackson.annotation.JsonProperty("private") boolean isPrivate) {
    }


    private final RoundService rounds;
    private final LadderVisibility visibility;
    private final CurrentAccount currentAccount;

    HeldOutLadderApiController(RoundService rounds, LadderVisibility visibility, CurrentAccount currentAccount) {
        this.rounds = rounds;
        this.visibility = visibility;
        this.currentAccount = currentAccount;
    }

    /** 200 with the ladder; 400 a body without a true or false {@code heldOut}; 403 not an organizer; 404; 409 released. */
    @PutMapping("/api/rounds/{id}/ladders/{ladder}")
    @Operation(summary = "Hold a round's ladder out, or make it public", description = "Organizers only; audited. A "
            + "held-out ladder is scored like any other, but its results are for judges and organizers only until it "
            + "is released. Body: {\"heldOut\": true} or {\"heldOut\": false}.")
    @ApiResponse(responseCode = "200", description = "the ladder's state; also when it already had it",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = LadderState.class)))
    @ApiResponse(responseCode = "400", description = "the body has no true or false heldOut")
    @ApiResponse(responseCode = "404", description = "no such round, or the round has no such ladder")
    @ApiResponse(responseCode = "409", description = "the ladder was released already: a release is final")
    ResponseEntity<?> setHeldOut(@PathVariable long id, @PathVariable String ladder,
                                 @RequestBody(required = false) HeldOutBody body) {
        // organizers only: SecurityConfig's rule for /api/rounds/** decides that; a body that is not JSON is ApiErrors'
        if (body == null || body.heldOut() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "send {\"heldOut\": true} or {\"heldOut\": false}",
                    "fields", Map.of("heldOut", "true or false")));
        }
        return answer(id, ladder, rounds.setHeldOut(id, ladder, body.heldOut(), currentAccount.require()));
    }

    /** 200 with the released ladder; 403 not an organizer; 404; 409 released already or not held out. */
    @PostMapping("/api/rounds/{id}/ladders/{ladder}/release")
    @Operation(summary = "Release a held-out ladder", description = "Organizers only; audited; final. From now on "
            + "everyone who sees the round's results sees this ladder's results too.")
    @ApiResponse(responseCode = "200", description = "the released ladder's state",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = LadderState.class)))
    @ApiResponse(responseCode = "404", description = "no such round, or the round has no such ladder")
    @ApiResponse(responseCode = "409", description = "released already, or not held out")
    ResponseEntity<?> release(@PathVariable long id, @PathVariable String ladder) {
        return answer(id, ladder, rounds.release(id, ladder, currentAccount.require()));
    }

    private ResponseEntity<?> answer(long id, String ladder, RoundService.LadderChange change) {
        HttpStatus status = switch (change) {
            case CHANGED, UNCHANGED -> HttpStatus.OK;
            case NO_SUCH_ROUND, NO_SUCH_LADDER -> HttpStatus.NOT_FOUND;
            case ALREADY_RELEASED, NOT_HELD_OUT -> HttpStatus.CONFLICT;
        };
        if (status != HttpStatus.OK) {
            return ResponseEntity.status(status).body(Map.of("error", change.sentence(ladder)));
        }
        RoundLadder saved = visibility.ladders(id).stream().filter(l -> l.ladder().equals(ladder)).findFirst().orElseThrow();
        return ResponseEntity.ok(new LadderState(id, saved.ladder(), saved.heldOut(), saved.releasedAt(), saved.isPrivate()));
    }
}
