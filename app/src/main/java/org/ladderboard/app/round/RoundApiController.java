package org.ladderboard.app.round;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.account.Role;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.app.ladder.LadderRegistry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RoundApiController {

    /** The current round; {@code quota} is present when a contestant calls with credentials. */
    record RoundJson(long id, String name, String description, Instant opensAt, Instant closesAt, boolean open,
                     int minExamples, int dailyLimit, int failedDailyLimit, List<LadderJson> ladders,
                     QuotaJson quota) {
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
                    quota));
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
