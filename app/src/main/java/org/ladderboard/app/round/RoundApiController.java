package org.ladderboard.app.round;

import java.time.Instant;
import java.util.List;

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

    /** A ladder as contestants see it: names and scale, not where the checkpoints live. */
    record LadderJson(String name, String family, String xAxis, List<ModelJson> models) {
        static LadderJson of(Ladder ladder) {
            return new LadderJson(ladder.name(), ladder.family(), ladder.xAxis(), ladder.rungs().stream()
                    .map(m -> new ModelJson(m.name(), m.parameters(), m.trainingTokens())).toList());
        }
    }

    record ModelJson(String name, long parameters, Long trainingTokens) {
    }

    record QuotaJson(int remaining, int used, int limit, int failed, int failedLimit, Instant resetsAt) {
    }

    private final RoundService rounds;
    private final LadderRegistry ladders;
    private final CurrentAccount currentAccount;

    RoundApiController(RoundService rounds, LadderRegistry ladders, CurrentAccount currentAccount) {
        this.rounds = rounds;
        this.ladders = ladders;
        this.currentAccount = currentAccount;
    }

    @GetMapping("/api/rounds/current")
    ResponseEntity<RoundJson> current() {
        return rounds.current().map(round -> {
            QuotaJson quota = currentAccount.get().filter(a -> a.getRole() == Role.CONTESTANT).map(a -> {
                Quota q = rounds.quota(round, a);
                return new QuotaJson(q.remaining(), q.used(), q.limit(), q.failed(), q.failedLimit(), q.resetsAt());
            }).orElse(null);
            return ResponseEntity.ok(new RoundJson(round.getId(), round.getName(), round.getDescription(),
                    round.getOpensAt(), round.getClosesAt(), round.isOpenAt(rounds.now()), round.getMinExamples(),
                    round.getDailyLimit(), round.getFailedDailyLimit(),
                    round.getLadders().stream().flatMap(n -> ladders.find(n).stream()).map(LadderJson::of).toList(),
                    quota));
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
