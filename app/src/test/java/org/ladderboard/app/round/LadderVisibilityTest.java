package org.ladderboard.app.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;

/** The rule itself, for each kind of viewer and each state of a round's ladder. */
class LadderVisibilityTest {

    private static final Account CONTESTANT = new Account("c@test.example", "C", "x", Role.CONTESTANT);
    private static final Account JUDGE = new Account("j@test.example", "J", "x", Role.JUDGE);
    private static final Account ORGANIZER = new Account("o@test.example", "O", "x", Role.ORGANIZER);

    private static final RoundLadder PUBLIC = new RoundLadder(1, "micro", false, null);
    private static final RoundLadder HELD_OUT = new RoundLadder(1, "vault", true, null);
    private static final RoundLadder RELEASED = new RoundLadder(1, "vault", true, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aHeldOutLadderIsForJudgesAndOrganizersUntilItIsReleased() {
        // the submission's owner is a contestant like any other here: the rule does not depend on whose it is
        for (Account outsider : new Account[] {null, CONTESTANT}) {
            assertThat(LadderVisibility.maySee(outsider, PUBLIC)).isTrue();
            assertThat(LadderVisibility.maySee(outsider, HELD_OUT)).isFalse();
            assertThat(LadderVisibility.maySee(outsider, RELEASED)).isTrue();
        }
        for (Account insider : List.of(JUDGE, ORGANIZER)) {
            assertThat(LadderVisibility.maySee(insider, PUBLIC)).isTrue();
            assertThat(LadderVisibility.maySee(insider, HELD_OUT)).isTrue();
            assertThat(LadderVisibility.maySee(insider, RELEASED)).isTrue();
        }
        assertThat(HELD_OUT.isPrivate()).isTrue();
        assertThat(RELEASED.isPrivate()).isFalse();
        assertThat(PUBLIC.isPrivate()).isFalse();
    }

    @Test
    void visibleLaddersFilterAndTakePrivateNamesOutOfText() {
        VisibleLadders shown = new VisibleLadders(Map.of("vault", List.of("vault-s", "vault-l")));
        assertThat(shown.shows("micro")).isTrue();
        assertThat(shown.shows("vault")).isFalse();
        assertThat(shown.hidesAny()).isTrue();
        assertThat(shown.filter(List.of("micro", "vault", "micro"), l -> l)).containsExactly("micro", "micro");
        assertThat(shown.scrub("for micro/micro-1m, vault/vault-s, prompt + class is 300 tokens"))
                .isEqualTo("for micro/micro-1m, a private model, prompt + class is 300 tokens");
        assertThat(shown.scrub("vault-l failed: out of memory; the ladder 'vault' cannot score"))
                .isEqualTo("a private model failed: out of memory; the ladder 'a private ladder' cannot score");
        // a name inside another word is left alone
        assertThat(shown.scrub("the vaulted ceiling of vault-large")).isEqualTo("the vaulted ceiling of vault-large");
        assertThat(shown.scrub(null)).isNull();

        assertThat(VisibleLadders.all().shows("vault")).isTrue();
        assertThat(VisibleLadders.all().scrub("vault/vault-s")).isEqualTo("vault/vault-s");
    }
}
