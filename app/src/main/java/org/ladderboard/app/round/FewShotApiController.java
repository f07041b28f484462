package org.ladderboard.app.round;

import java.util.List;
import java.util.Map;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.CurrentAccount;
import org.ladderboard.app.account.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/rounds/{id}/few-shot}: an organizer's script sets a round's few-shot sweep, as the round form does. */
@RestController
class FewShotApiController {

    /** The request and the answer: {@code {"shots":[0,1,2,4],"seed":1234}}. */
    record FewShotJson(List<Integer> shots, Long seed) {
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
    ResponseEntity<Map<String, Object>> set(@PathVariable long id, @RequestBody FewShotJson body) {
        Account me = currentAccount.require();
        if (me.getRole() != Role.ORGANIZER) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("error", "only organizers set a round's few-shot sweep"));
        }
        Round round = rounds.findById(id).orElse(null);
        if (round == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no round " + id));
        }
        FewShotSettings.Change change = settings.set(round, body.shots(), body.seed(), me);
        if (!change.problems().isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", String.join("; ", change.problems()),
                    "fields", Map.of("shots", String.join("; ", change.problems()))));
        }
        return ResponseEntity.ok(Map.of("id", id, "shots", change.sweep().shots(),
                "seed", change.sweep().seed() == null ? "default" : change.sweep().seed(),
                "jobsQueued", change.jobsQueued()));
    }
}
