package org.ladderboard.app.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.RoundService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What judging promises: no judge retypes a refused review, nobody reviews their own task, a conflict stands. */
class ReviewRulesTest extends IntegrationTest {

    @Autowired
    RoundService roundService;
    @Autowired
    JdbcTemplate template;

    private long scored(Account author, String name) {
        return ScoredTask.create(jdbc, template, roundService.current().orElseThrow().getId(), author.getId(), name,
                "author", List.of("part.csv"), 8);
    }

    private static RequestPostProcessor as(Account account) {
        return user(account.getEmail()).roles(account.getRole().name());
    }

    private static MockHttpServletRequestBuilder fullReview(long id) {
        return fullReview(id, "fine");
    }

    /** Every criterion scored 4 with a note: the novelty note is {@code noveltyNote}. */
    private static MockHttpServletRequestBuilder fullReview(long id, String noveltyNote) {
        MockHttpServletRequestBuilder post = post("/judging/" + id).with(csrf());
        for (Rubric c : Rubric.values()) {
            post.param(c.column(), "4").param(c.column() + "Note", c == Rubric.NOVELTY ? noveltyNote : "fine " + c.column());
        }
        return post;
    }

    private long reviews(long submission) {
        return jdbc.sql("select count(*) from review where submission_id = ?").param(submission).query(Long.class).single();
    }

    @Test
    void aRefusedReviewComesBackWithEverythingTheJudgeTypedAndEachProblemBesideItsField() throws Exception {
        long id = scored(newAccount(Role.CONTESTANT), "Kept input");
        Account judge = newAccount(Role.JUDGE);
        String page = mvc.perform(post("/judging/" + id).with(csrf()).with(as(judge))
                        .param("strength", "5").param("strengthNote", "clear drop on the 1m model")
                        .param("generality", "2").param("importanceNote", "matters for <tutors> & \"graders\"")
                        .param("verdictOverride", "flat").param("overrideReason", " "))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        // what was typed is all there
        assertThat(page).contains("id=\"strength-5\" checked=\"checked\"")
                .contains("id=\"generality-2\" checked=\"checked\"")
                .contains("value=\"clear drop on the 1m model\"")
                .contains("value=\"matters for &lt;tutors&gt; &amp; &quot;graders&quot;\"")
                .contains("<option value=\"flat\" selected=\"selected\">");
        // each problem at the top of the form, linked to its field, and beside the field
        assertThat(page).contains("id=\"review-errors\"").contains("href=\"#importance-1\"")
                .contains("href=\"#overrideReason\"")
                .contains("id=\"importance-error\"").contains("id=\"overrideReason-error\"")
                .doesNotContain("id=\"strength-error\"");
        // the page lands on the form: the post's address names its heading, just above the problems
        assertThat(page).contains("action=\"/judging/" + id + "#your-review\"");
        assertThat(page.indexOf("id=\"your-review\"")).isLessThan(page.indexOf("id=\"review-errors\""));
        assertThat(page.indexOf("id=\"review-errors\"")).isLessThan(page.indexOf("id=\"review-form\""));
        assertThat(reviews(id)).isZero();

        // a note past the limit is refused the same way, and kept
        String longNote = "x".repeat(Reviews.NOTE_LIMIT + 1);
        String again = mvc.perform(fullReview(id, longNote).with(as(judge)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("id=\"noveltyNote-error\"").contains("value=\"" + longNote + "\"");
        assertThat(reviews(id)).isZero();

        mvc.perform(fullReview(id).with(as(judge))).andExpect(status().is3xxRedirection());
        assertThat(reviews(id)).isOne();
    }

    @Test
    void aContestantMadeJudgeCannotReviewTheirOwnTask() throws Exception {
        Account author = newAccount(Role.CONTESTANT);
        long id = scored(author, "Own task");
        Account organizer = newAccount(Role.ORGANIZER);
        Account promoted = accounts.update(author.getId(), Role.JUDGE, true, organizer);

        String page = mvc.perform(get("/judging/" + id).with(as(promoted))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"own-task\"").doesNotContain("id=\"review-form\"");
        String refused = mvc.perform(fullReview(id).with(as(promoted))).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("you submitted this task, so you cannot review it");
        mvc.perform(post("/judging/" + id).with(csrf()).with(as(promoted)).param("conflictOfInterest", "on"))
                .andExpect(status().isUnprocessableContent());
        assertThat(reviews(id)).isZero();

        String queue = mvc.perform(get("/judging").with(as(promoted))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("your own task");
        String todo = mvc.perform(get("/judging").param("todo", "true").with(as(promoted)))
                .andReturn().getResponse().getContentAsString();
        assertThat(todo).doesNotContain("/judging/" + id + "\"");
    }

    @Test
    void aDeclaredConflictCannotBeReplacedByAReview() throws Exception {
        long id = scored(newAccount(Role.CONTESTANT), "Conflicted");
        Account judge = newAccount(Role.JUDGE);
        mvc.perform(post("/judging/" + id).with(csrf()).with(as(judge)).param("conflictOfInterest", "on"))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/judging/" + id).with(as(judge))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"conflict-declared\"").doesNotContain("id=\"review-form\"");
        String refused = mvc.perform(fullReview(id).with(as(judge))).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("it stands, and a review cannot replace it");
        assertThat(jdbc.sql("select conflict_of_interest and strength is null from review where submission_id = ? and judge_id = ?")
                .params(id, judge.getId()).query(Boolean.class).single()).isTrue();

        // the other way round is allowed: a judge who reviewed and then finds a connection declares it
        Account other = newAccount(Role.JUDGE);
        mvc.perform(fullReview(id).with(as(other))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/judging/" + id).with(csrf()).with(as(other)).param("conflictOfInterest", "on"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select conflict_of_interest from review where submission_id = ? and judge_id = ?")
                .params(id, other.getId()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void tasksWithTheSameNameCarryTheirNumbersInTheQueue() throws Exception {
        long first = scored(newAccount(Role.CONTESTANT), "Twin name");
        long second = scored(newAccount(Role.CONTESTANT), "Twin name");
        String queue = mvc.perform(get("/judging").with(as(newAccount(Role.JUDGE)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("<td>#" + first + "</td>").contains("<td>#" + second + "</td>");
    }

    @Test
    void mySubmissionsIsOfferedOnlyToThoseWhoCanHaveSome() throws Exception {
        assertThat(mvc.perform(get("/judging").with(as(newAccount(Role.JUDGE)))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("My submissions");
        assertThat(mvc.perform(get("/leaderboard").with(as(newAccount(Role.ORGANIZER)))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("My submissions");
        assertThat(mvc.perform(get("/account").with(as(newAccount(Role.CONTESTANT)))).andReturn().getResponse()
                .getContentAsString()).contains("My submissions");
        Account author = newAccount(Role.CONTESTANT);
        scored(author, "Before promotion");
        Account promoted = accounts.update(author.getId(), Role.JUDGE, true, newAccount(Role.ORGANIZER));
        assertThat(mvc.perform(get("/judging").with(as(promoted))).andReturn().getResponse()
                .getContentAsString()).contains("My submissions");
    }
}
