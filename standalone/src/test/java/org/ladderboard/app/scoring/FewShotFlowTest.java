package org.ladderboard.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.EmbeddedWorkerTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An upload to a round with a few-shot sweep, end to end: queued once per model and K, scored K-shot by the embedded
 * worker, SCORED when every K is done, its results and scores per K, and its page drawing a curve per K.
 */
class FewShotFlowTest extends EmbeddedWorkerTest {

    @Autowired
    RoundService roundService;

    @Test
    void anUploadToASweepRoundIsScoredAndDrawnPerK() throws Exception {
        Round round = roundService.current().orElseThrow();
        // the sweep is set on the entity alone, so the submissions of the other tests in this round get no new jobs
        round.setFewShot(List.of(0, 2), 99L);
        rounds.save(round);
        long id;
        Account contestant = newAccount(Role.CONTESTANT);
        try {
            id = submit(contestant, classificationCsv(24));
        } finally {
            Round again = rounds.findById(round.getId()).orElseThrow();
            again.setFewShot(List.of(), null);
            rounds.save(again);
        }
        assertThat(jdbc.sql("select shots || ':' || coalesce(fewshot_seed::text, '-') from scoring_job where submission_id = ? "
                + "order by model_parameters, shots").param(id).query(String.class).list())
                .containsExactly("0:-", "2:99", "0:-", "2:99", "0:-", "2:99", "0:-", "2:99");

        JsonNode results = awaitStatus(contestant, id, "SCORED");
        assertThat(results.get("results")).hasSize(8);
        assertThat(results.get("results").findValues("shots").stream().map(JsonNode::asInt).distinct().toList())
                .containsExactly(0, 2);
        assertThat(results.get("jobs").findValues("fewshotSeed").stream().filter(v -> !v.isNull()).map(JsonNode::asLong)
                .distinct().toList()).containsExactly(99L);

        String scores = download("/api/submissions/" + id + "/scores.jsonl", httpBasic(contestant.getEmail(), PASSWORD));
        assertThat(scores.lines().toList()).hasSize(24 * 4 * 2)
                .anySatisfy(l -> assertThat(l).contains("\"shots\":2,\"seed\":99"));

        String page = mvc.perform(get("/submissions/" + id).with(user(contestant.getEmail()).roles("CONTESTANT")))
                .andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"few-shot\"");
        assertThat(start).isPositive();
        String sweep = page.substring(start, page.indexOf("</section>", start));
        assertThat(sweep).contains("data-view=\"loss\"").contains("data-view=\"accuracy\"")
                .contains(">zero-shot</text>").contains(">2-shot</text>").contains("Zero-shot: ").contains("2-shot: ");
        assertThat(sweep.split("<polyline", -1)).as("two charts, two curves each").hasSize(5);
        assertThat(sweep).containsPattern("<p class=\"demonstrations\">Zero-shot [^<]+ demonstrations [^<]+\\.</p>");
    }
}
