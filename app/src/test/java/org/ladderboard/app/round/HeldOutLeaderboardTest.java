package org.ladderboard.app.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.leaderboard.Leaderboard;
import org.springframework.beans.factory.annotation.Autowired;

/** Judges rank by a held-out ladder; contestants' rows and ranking know only the public ones. */
class HeldOutLeaderboardTest extends HeldOutLadderTest {

    @Autowired
    Leaderboard leaderboard;
    @Autowired
    LadderVisibility visibility;
    @Autowired
    RoundService roundService;

    @Test
    void judgesRankByTheHeldOutLadderAndContestantsNeverSeeIt() {
        Round round = currentRoundOnBothLadders("Held-out ranking round " + System.nanoTime());
        try {
            Account owner = newAccount(Role.CONTESTANT);
            // the same public results; only the held-out ladder tells them apart
            long normal = scoredOnBothLadders(round.getId(), owner.getId(), "normal on vault", false);
            long inverse = scoredOnBothLadders(round.getId(), owner.getId(), "inverse on vault", true);
            roundService.setHeldOut(round.getId(), VAULT, true, newAccount(Role.ORGANIZER));

            VisibleLadders judge = visibility.inRound(round.getId(), newAccount(Role.JUDGE));
            VisibleLadders contestant = visibility.inRound(round.getId(), owner);
            List<Leaderboard.Row> byVault = leaderboard.rows(round, judge, null, null, Leaderboard.BY_LADDER + VAULT, false);
            assertThat(byVault).extracting(Leaderboard.Row::id).containsExactly(inverse, normal);
            assertThat(byVault.get(0).ladders().get(VAULT).verdict()).isEqualTo("inverse");
            assertThat(byVault.get(1).ladders().get(VAULT).verdict()).isNotEqualTo("inverse");
            // the judges' default ranking counts the held-out ladder too
            assertThat(leaderboard.rows(round, judge, null, null, null, false)).extracting(Leaderboard.Row::id)
                    .containsExactly(inverse, normal);
            assertThat(leaderboard.rows(round, judge, null, null, null, false).get(0).inverseLadders())
                    .isEqualTo(leaderboard.rows(round, contestant, null, null, null, false).stream()
                            .filter(r -> r.id() == inverse).findFirst().orElseThrow().inverseLadders() + 1);

            List<Leaderboard.Row> seen = leaderboard.rows(round, contestant, null, null, Leaderboard.BY_LADDER + VAULT, false);
            assertThat(seen).hasSize(2).allSatisfy(r -> assertThat(r.ladders()).containsOnlyKeys("micro"));
            assertThat(seen.get(0).inverseLadders()).isEqualTo(seen.get(1).inverseLadders());
            // filtering by the verdict a contestant cannot see finds nothing it could give away
            assertThat(leaderboard.rows(round, contestant, null, "inverse", null, false))
                    .allSatisfy(r -> assertThat(r.ladders().get("micro").verdict()).isEqualTo("inverse"));
        } finally {
            close(round);
        }
    }
}
