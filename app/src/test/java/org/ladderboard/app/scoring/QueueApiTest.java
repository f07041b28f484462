package org.ladderboard.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.ApiTokenService;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.account.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;

/** The queue page over the API: jobs by status, workers' heartbeats, failed jobs and their retry. */
class QueueApiTest extends IntegrationTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    void organizersSeeTheQueueAndRetryAFailedJob() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long round = rounds.findAll().get(0).getId();
        long submission = jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, task_type, status, example_count, file_name,
                                                file_sha256, file_bytes, shots, cause)
                        values (?, ?, 'Failed task', 'classification', 'FAILED', 8, 'x.csv', repeat('0', 64), 1, 'zero-shot', 'other')
                        returning id""").params(round, newAccount(Role.CONTESTANT).getId()).query(Long.class).single();
        long job = jdbc.sql("""
                        insert into scoring_job (submission_id, ladder, model, model_parameters, status, examples_total, attempt,
                                                 error_kind, error_message)
                        values (?, 'micro', 'micro-40k', 39504, 'FAILED', 8, 3, 'INFRASTRUCTURE', 'the disk went away') returning id""")
                .param(submission).query(Long.class).single();
        String worker = "worker-" + UUID.randomUUID();
        jdbc.sql("insert into scoring_worker (id, host, heartbeat_at) values (?, 'gpu-7', now() - interval '90 seconds')")
                .param(worker).update();

        mvc.perform(get("/api/queue").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobsByStatus.FAILED").isNumber())
                .andExpect(jsonPath("$.jobsByStatus.QUEUED").isNumber())
                .andExpect(jsonPath("$.workers[?(@.id == '" + worker + "')].host").value("gpu-7"))
                .andExpect(jsonPath("$.workers[?(@.id == '" + worker + "')].heartbeatAgeSeconds").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.greaterThanOrEqualTo(90))))
                .andExpect(jsonPath("$.failed[?(@.jobId == " + job + ")].error").value("the disk went away"))
                .andExpect(jsonPath("$.ladderProblems").isArray());

        String read = tokens.issue(organizer, "watcher", EnumSet.of(TokenScope.READ)).value();
        mvc.perform(get("/api/queue").header("Authorization", "Bearer " + read)).andExpect(status().isOk());
        mvc.perform(post("/api/queue/jobs/" + job + "/retry").header("Authorization", "Bearer " + read)).andExpect(status().isForbidden());
        mvc.perform(post("/api/queue/jobs/" + job + "/retry").with(httpBasic(newAccount(Role.JUDGE).getEmail(), PASSWORD)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/queue/jobs/" + job + "/retry").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("QUEUED"));
        assertThat(jdbc.sql("select status from scoring_job where id = ?").param(job).query(String.class).single()).isEqualTo("QUEUED");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'job retried' and subject = ?")
                .param("job " + job).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/api/queue/jobs/" + job + "/retry").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/queue").with(httpBasic(newAccount(Role.CONTESTANT).getEmail(), PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
