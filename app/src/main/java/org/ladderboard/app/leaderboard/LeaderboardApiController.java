package org.ladderboard.app.leaderboard;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.award.Winners;
import org.ladderboard.app.openapi.Tags;
import org.ladderboard.app.round.LadderVisibility;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.app.round.RoundService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The leaderboard page as JSON, for the same viewers ({@link Leaderboard#shownTo}), and organizers' reveal switches. */
@RestController
@Tag(name = Tags.LEADERBOARD)
class LeaderboardApiController {

    record EntryJson(String verdict, String strength, Double dropBestToLargest, String metric) {
    }

    /** {@code tier} is there for organizers only, as on the page. */
    record RowJson(long id, String taskName, String cause, String taskType, int examples, String verdict,
                   Map<String, EntryJson> ladders, double drop, int inverseLadders, boolean curvesBeingComputed,
                   String tier) {
    }

    /** {@code ladders}: those this viewer may see; {@code heldOut}: which of them are held out (judges and organizers). */
    record PageJson(long round, String roundName, int page, int size, int pages, int total, List<String> ladders,
                    List<String> heldOut, List<RowJson> rows) {
    }

    @Schema(description = "Either switch or both; one left out stays as it is.")
    record Visibility(@Schema(description = "contestants see the leaderboard", example = "true") Boolean revealed,
                      @Schema(name = "public", description = "while revealed, visitors who are not signed in see it too",
                              example = "false") @com.fasterxml.jackson.annotation.JsonProperty("public") Boolean visible) {
    }

    record VisibilityJson(long round, boolean revealed, @com.fasterxml.jackson.annotation.JsonProperty("public") boolean visible) {
    }

    private final Leaderboard leaderboard;
    private final RoundService rounds;
    private final CurrentAccount currentAccount;
    private final Winners winners;
    private final LadderVisibility visibility;

    LeaderboardApiController(Leaderboard leaderboard, RoundService rounds, CurrentAccount currentAccount, Winners winners,
                             LadderVisibility visibility) {
        this.visibility = visibility;
        this.leaderboard = leaderboard;
        this.rounds = rounds;
        this.currentAccount = currentAccount;
        this.winners = winners;
    }

    @GetMapping("/api/leaderboard")
    @Operation(summary = "The leaderboard", description = "The rows the leaderboard page shows, in its order and with "
            + "its filters: judges and organizers always; contestants once an organizer reveals it; anyone, without an "
            + "account, while it is revealed and public. Organizers also get each row's prize tier.")
    @ApiResponse(responseCode = "200", description = "one page of rows")
    @ApiResponse(responseCode = "401", description = "this leaderboard is not public: sign in")
    @ApiResponse(responseCode = "403", description = "the leaderboard is not revealed to contestants yet")
    @ApiResponse(responseCode = "404", description = "no round 7")
    PageJson leaderboard(@Parameter(description = "the round's id; the current round when left out") @RequestParam(required = false) Long round,
                         @Parameter(description = "only this cause, e.g. strong_prior") @RequestParam(required = false) String cause,
                         @Parameter(description = "only this verdict, e.g. inverse") @RequestParam(required = false) String verdict,
                         @Parameter(description = "name, examples, verdict or cause; by inverse ladders and drop when left out")
                         @RequestParam(required = false) String sort,
                         @RequestParam(defaultValue = "false") boolean desc,
                         @RequestParam(defaultValue = "1") int page,
                         @Parameter(description = "rows a page, 10 to 500") @RequestParam(defaultValue = "50") int size) {
        Account me = currentAccount.get().orElse(null);
        Round shown = round == null
                ? rounds.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round has been created yet"))
                : rounds.find(round).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + round));
        if (!Leaderboard.shownTo(me, shown)) {
            throw me == null ? new ResponseStatusException(HttpStatus.UNAUTHORIZED, "this leaderboard is not public: sign in")
                    : new ResponseStatusException(HttpStatus.FORBIDDEN, "the leaderboard is not revealed to contestants yet");
        }
        Map<Long, String> tiers = me != null && me.getRole() == Role.ORGANIZER ? winners.of(shown.getId()) : Map.of();
        VisibleLadders ladders = visibility.inRound(shown.getId(), me);
        Leaderboard.Page rows = leaderboard.page(shown, ladders, cause, verdict, sort, desc, page, size);
        List<String> heldOut = visibility.ladders(shown.getId()).stream()
                .filter(l -> l.isPrivate() && ladders.shows(l.ladder())).map(l -> l.ladder()).toList();
        return new PageJson(shown.getId(), shown.getName(), rows.number(), rows.size(), rows.pages(), rows.total(),
                shown.getLadders().stream().filter(ladders::shows).toList(), heldOut, rows.rows().stream().map(r -> new RowJson(r.id(), r.taskName(), r.cause(),
                        r.taskType(), r.examples(), r.verdict(), entries(r), r.drop(), r.inverseLadders(),
                        r.curvesBeingComputed(), tiers.get(r.id()))).toList());
    }

    @PutMapping("/api/rounds/{id}/leaderboard")
    @Operation(summary = "Reveal the leaderboard, or make it public", description = "Organizers only; audited, as the "
            + "leaderboard page's switches are.")
    @ApiResponse(responseCode = "200", description = "the leaderboard's visibility now")
    @ApiResponse(responseCode = "404", description = "no round 7")
    VisibilityJson visibility(@PathVariable long id, @RequestBody Visibility body) {
        Round round = rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + id));
        Account me = currentAccount.require();
        if (body.revealed() != null) {
            rounds.reveal(round, body.revealed(), me);
        }
        if (body.visible() != null) {
            rounds.makePublic(round, body.visible(), me);
        }
        return new VisibilityJson(id, round.isLeaderboardRevealed(), round.isLeaderboardPublic());
    }

    private static Map<String, EntryJson> entries(Leaderboard.Row row) {
        Map<String, EntryJson> out = new java.util.LinkedHashMap<>();
        row.ladders().forEach((ladder, e) -> out.put(ladder, new EntryJson(e.verdict(), e.strength(),
                Double.isFinite(e.dropBestToLargest()) ? e.dropBestToLargest() : null, e.metric())));
        return out;
    }
}
