package org.ladderboard.app.scoring;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.RoundService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The time left as the submission page, its progress poll, {@code GET /api/submissions/{id}/results} and the
 * organizers' queue page show it, from rates stored the way workers store them. Each test's ladder is its own, so
 * no other test's measured rates enter the estimate.
 */
class EtaDisplayTest extends IntegrationTest {

    @Autowired
    RoundService roundService;

    private long submission(Account author) {
        return jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, description, why_important, why_inverse,
                                                generation_procedure, label_expertise, shots, cause, task_type, status,
                                                example_count, file_name, file_sha256, file_bytes)
                        values (?, ?, 'Timed task', 'd', 'i', 'w', 'g', 'l', 'zero-shot', 'strong_prior', 'classification',
                                'SCORING', 100, 'timed.csv', repeat('0', 64), 1)
                        returning id""")
                .params(roundService.current().orElseThrow().getId(), author.getId()).query(Long.class).single();
    }

    private void job(long submission, String ladder, String model, long parameters, String status, int done, Double rate) {
        jdbc.sql("""
                        insert into scoring_job (submission_id, ladder, model, model_parameters, status, attempt,
                                                 lease_owner, heartbeat_at, started_at, finished_at, examples_total,
                                                 examples_done, examples_per_second)
                        values (?, ?, ?, ?, ?, case when ? = 'QUEUED' then 0 else 1 end,
                                case when ? = 'RUNNING' then 'eta-worker' end, now(), now(),
                                case when ? = 'DONE' then now() end, 100, ?, ?)""")
                .params(submission, ladder, model, parameters, status, status, status, status, done, rate).update();
    }

    @Test
    void measuredAndEstimatedTimesLeftAddUpOnTheSubmissionPageTheApiAndTheQueuePage() throws Exception {
        String ladder = "eta-" + UUID.randomUUID();
        Account author = newAccount(Role.CONTESTANT);
        long earlier = submission(author);
        job(earlier, ladder, "model-b", 2000, "DONE", 100, 25.0);
        long id = submission(author);
        job(id, ladder, "model-a", 1000, "RUNNING", 40, 10.0);   // 60 left at its own 10/s: 6 s
        job(id, ladder, "model-b", 2000, "QUEUED", 0, null);     // model-b did 25/s: 4 s
        job(id, ladder, "model-c", 8000, "QUEUED", 0, null);     // nearest is model-b, 25/s * 2000/8000: 16 s

        mvc.perform(get("/api/submissions/" + id + "/results").with(httpBasic(author.getEmail(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.etaSeconds").value(closeTo(26.0, 1e-9)))
                .andExpect(jsonPath("$.jobs[0].etaSeconds").value(closeTo(6.0, 1e-9)))
                .andExpect(jsonPath("$.jobs[0].etaBasis").value("MEASURED"))
                .andExpect(jsonPath("$.jobs[1].etaSeconds").value(closeTo(4.0, 1e-9)))
                .andExpect(jsonPath("$.jobs[1].etaBasis").value("SAME_MODEL"))
                .andExpect(jsonPath("$.jobs[2].etaSeconds").value(closeTo(16.0, 1e-9)))
                .andExpect(jsonPath("$.jobs[2].etaBasis").value("SAME_LADDER"));
        mvc.perform(get("/submissions/" + id).with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span id=\"eta-text\">about 26 s</span>")))
                .andExpect(content().string(containsString("<td class=\"job-eta\">6 s</td>")))
                .andExpect(content().string(containsString("<td class=\"job-eta\">about 4 s (from the same model")))
                .andExpect(content().string(containsString("<td class=\"job-eta\">about 16 s (from the ladder")));
        mvc.perform(get("/submissions/" + id + "/progress").with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(jsonPath("$.eta").value("about 26 s"))
                .andExpect(jsonPath("$.jobs[0].etaText").value("6 s"));
        Account organizer = newAccount(Role.ORGANIZER);
        mvc.perform(get("/organizer/queue").with(user(organizer.getEmail()).roles("ORGANIZER")))
                .andExpect(content().string(containsString(ladder + "/model-a")))
                .andExpect(content().string(containsString("<td class=\"job-eta\">6 s</td>")));
    }

    @Test
    void withNothingMeasuredOnTheLadderTheTimeLeftIsUnknown() throws Exception {
        Account author = newAccount(Role.CONTESTANT);
        long id = submission(author);
        job(id, "eta-" + UUID.randomUUID(), "model-x", 1000, "QUEUED", 0, null);

        mvc.perform(get("/api/submissions/" + id + "/results").with(httpBasic(author.getEmail(), PASSWORD)))
                .andExpect(jsonPath("$.etaSeconds").value(nullValue()))
                .andExpect(jsonPath("$.jobs[0].etaBasis").value("UNKNOWN"));
        mvc.perform(get("/submissions/" + id).with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(content().string(containsString("<span id=\"eta-text\">unknown</span>")));
    }
}
