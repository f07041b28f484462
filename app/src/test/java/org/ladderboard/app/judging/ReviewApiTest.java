package org.ladderboard.app.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.ApiTokenService;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.account.TokenScope;
import org.ladderboard.app.round.RoundService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Reviews over the API: the review page's rules, blind for judges, every review for organizers. */
class ReviewApiTest extends IntegrationTest {

    private static final String REVIEW = """
            {"scores": {"strength": 4, "generality": 3, "importance": 4, "novelty": 2, "coverage": 3, "reproducibility": 5},
             "notes": {"strength": "clear"}, "verdictOverride": "inverse", "overrideReason": "the last rung is noise"}""";

    @Autowired
    RoundService roundService;
    @Autowired
    JdbcTemplate template;
    @Autowired
    ApiTokenService tokens;

    private String surname;
    private String email;

    private long task() {
        surname = "Orlavend" + UUID.randomUUID().toString().substring(0, 6);
        email = surname.toLowerCase(Locale.ROOT) + "@test.example";
        Account author = accounts.create(email, "Mira " + surname, PASSWORD, Role.CONTESTANT);
        String slug = "mira-" + surname.toLowerCase(Locale.ROOT);
        return ScoredTask.create(jdbc, template, roundService.current().orElseThrow().getId(), author.getId(),
                "Reviewed task " + UUID.randomUUID().toString().substring(0, 6), slug, List.of(slug + "-part.csv"), 8);
    }

    private String body(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aJudgeReviewsFromTheQueueAndNothingNamesTheAuthor() throws Exception {
        long id = task();
        Account judge = newAccount(Role.JUDGE);
        RequestPostProcessor asJudge = httpBasic(judge.getEmail(), PASSWORD);
        mvc.perform(get("/api/reviews/queue?todo=true").with(asJudge))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.id == " + id + ")].yourReview").value("to do"))
                .andExpect(jsonPath("$.rows[?(@.id == " + id + ")].means").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())));
        mvc.perform(get("/api/reviews/" + id).with(asJudge))
                .andExpect(status().isOk()).andExpect(jsonPath("$.review").doesNotExist()).andExpect(jsonPath("$.ownTask").value(false));

        mvc.perform(put("/api/reviews/" + id).with(asJudge).contentType(MediaType.APPLICATION_JSON).content(REVIEW))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scores.strength").value(4))
                .andExpect(jsonPath("$.notes.strength").value("clear"))
                .andExpect(jsonPath("$.verdictOverride").value("inverse"));
        mvc.perform(get("/api/reviews/" + id).with(asJudge))
                .andExpect(jsonPath("$.review.scores.reproducibility").value(5))
                .andExpect(jsonPath("$.overrides[0]").value(org.hamcrest.Matchers.containsString("the last rung is noise")));
        mvc.perform(get("/api/reviews/queue").with(asJudge))
                .andExpect(jsonPath("$.rows[?(@.id == " + id + ")].yourReview").value("reviewed"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'review' and subject = ?")
                .param("submission " + id).query(Long.class).single()).isEqualTo(1);

        // blind: nothing a judge reads here names the author or the files
        String slug = "mira-" + surname.toLowerCase(Locale.ROOT);
        for (String path : List.of("/api/reviews/queue", "/api/reviews/" + id)) {
            assertThat(body(path, asJudge).toLowerCase(Locale.ROOT)).doesNotContain(surname.toLowerCase(Locale.ROOT))
                    .doesNotContain(email).doesNotContain(slug);
        }
    }

    @Test
    void theReviewPagesRulesHold() throws Exception {
        long id = task();
        Account judge = newAccount(Role.JUDGE);
        RequestPostProcessor asJudge = httpBasic(judge.getEmail(), PASSWORD);
        mvc.perform(put("/api/reviews/" + id).with(asJudge).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\": {\"strength\": 9, \"taste\": 3}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields['scores.taste']").exists());
        mvc.perform(put("/api/reviews/" + id).with(asJudge).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\": {\"strength\": 9}, \"verdictOverride\": \"inverse\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.strength").value("score inverse scaling strength from 1 to 5"))
                .andExpect(jsonPath("$.fields.generality").exists())
                .andExpect(jsonPath("$.fields.overrideReason").value("give a reason for overriding the verdict"));
        assertThat(count("review where submission_id = " + id)).isZero();

        // a declared conflict stands
        mvc.perform(post("/api/reviews/" + id + "/conflict").with(asJudge))
                .andExpect(status().isOk()).andExpect(jsonPath("$.conflictOfInterest").value(true));
        mvc.perform(put("/api/reviews/" + id).with(asJudge).contentType(MediaType.APPLICATION_JSON).content(REVIEW))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("conflict of interest")));
        mvc.perform(get("/api/reviews/queue").with(asJudge))
                .andExpect(jsonPath("$.rows[?(@.id == " + id + ")].yourReview").value("conflict of interest"));

        // nobody reviews their own task
        Account turnedJudge = newAccount(Role.JUDGE);
        long own = ScoredTask.create(jdbc, template, roundService.current().orElseThrow().getId(), turnedJudge.getId(),
                "Own task", "own", List.of("own.csv"), 8);
        mvc.perform(put("/api/reviews/" + own).with(httpBasic(turnedJudge.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(REVIEW))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("you submitted this task, so you cannot review it"));
        mvc.perform(get("/api/reviews/987654321").with(asJudge)).andExpect(status().isNotFound());
    }

    @Test
    void organizersReadEveryReviewJudgesOnlyTheirOwn() throws Exception {
        long id = task();
        Account first = newAccount(Role.JUDGE);
        Account second = newAccount(Role.JUDGE);
        for (Account judge : List.of(first, second)) {
            mvc.perform(put("/api/reviews/" + id).with(httpBasic(judge.getEmail(), PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content(REVIEW)).andExpect(status().isOk());
        }
        Account organizer = newAccount(Role.ORGANIZER);
        mvc.perform(get("/api/reviews/" + id + "/all").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].judge").value(first.getEmail()))
                .andExpect(jsonPath("$[1].review.scores.strength").value(4));
        mvc.perform(get("/api/reviews/queue").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(jsonPath("$.rows[?(@.id == " + id + ")].means.strength").value(4.0));
        mvc.perform(get("/api/reviews/" + id + "/all").with(httpBasic(first.getEmail(), PASSWORD)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("only organizers read every review"));

        // contestants have no part in judging; a judge's read token cannot write a review
        Account contestant = newAccount(Role.CONTESTANT);
        mvc.perform(get("/api/reviews/queue").with(httpBasic(contestant.getEmail(), PASSWORD))).andExpect(status().isForbidden());
        String read = tokens.issue(first, "reader", EnumSet.of(TokenScope.READ)).value();
        mvc.perform(get("/api/reviews/" + id).header("Authorization", "Bearer " + read)).andExpect(status().isOk());
        mvc.perform(put("/api/reviews/" + id).header("Authorization", "Bearer " + read)
                .contentType(MediaType.APPLICATION_JSON).content(REVIEW)).andExpect(status().isForbidden());
        String manage = tokens.issue(first, "writer", EnumSet.of(TokenScope.MANAGE)).value();
        mvc.perform(put("/api/reviews/" + id).header("Authorization", "Bearer " + manage)
                .contentType(MediaType.APPLICATION_JSON).content(REVIEW)).andExpect(status().isOk());
    }
}
