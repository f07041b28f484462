package org.ladderboard.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.Round;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The exports of a round with a few-shot sweep carry K: per-model rows, per-K verdict columns, K-shot outputs. */
class FewShotExportTest extends IntegrationTest {

    @Autowired
    JdbcTemplate template;
    @Autowired
    Exports exports;

    private Round ownRound() {
        Round round = new Round("Few-shot export " + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(300)));
        round.setLadders(Set.of("micro"));
        return rounds.save(round);
    }

    @Test
    void theExportsCarryK() throws Exception {
        Round round = ownRound();
        round.setFewShot(List.of(0, 2), 42L);
        rounds.save(round);
        long id = ScoredTask.create(jdbc, template, round.getId(), newAccount(Role.CONTESTANT).getId(), "Exported",
                "exported", List.of("data.csv"), 40, java.util.Map.of(0, new ScoredTask.Shot(ScoredTask.INVERSE, false),
                        2, new ScoredTask.Shot(ScoredTask.FLAT, false)));

        StringWriter submissions = new StringWriter();
        exports.submissionsCsv(round, submissions);
        List<String> rows = submissions.toString().lines().toList();
        assertThat(rows.get(0)).endsWith(",errors,demonstrations");
        assertThat(rows).filteredOn(r -> r.startsWith(id + ",")).hasSize(8)
                .anySatisfy(r -> assertThat(r).endsWith(",0")).anySatisfy(r -> assertThat(r).endsWith(",2"));

        StringWriter board = new StringWriter();
        exports.leaderboardCsv(round, board);
        assertThat(board.toString().lines().findFirst().orElseThrow()).contains("micro_verdict,micro_strength,micro_2shot_verdict");
        assertThat(board.toString()).contains(",flat");

        StringWriter labelled = new StringWriter();
        exports.labelledData(id, labelled);
        assertThat(labelled.toString().lines().findFirst().orElseThrow())
                .contains("\"micro-40k_loss\"").contains("\"micro-40k_2shot_loss\"");
    }
}
