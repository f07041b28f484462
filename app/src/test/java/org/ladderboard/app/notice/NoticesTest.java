package org.ladderboard.app.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.ApiTokenService;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.account.TokenScope;
import org.ladderboard.app.round.RoundService;
import org.ladderboard.queue.ClaimedJob;
import org.ladderboard.queue.JobQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Notices as the database produces them: a submission scored or failed (its author), new work in a judge's queue
 * (blind), a silent worker and a job failed for good (organizers); once each however often the producer runs; in
 * the app with an unread count, marked read on the page and through the API; and by e-mail to a real SMTP server in
 * this JVM, unless the person turned e-mail off.
 */
@TestPropertySource(properties = {"ladderboard.mail.site-url=https://contest.example/", "ladderboard.notices.mail-retry-after=PT0S"})
class NoticesTest extends IntegrationTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String WORKER = "notices-test-worker";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("ladderboard.mail.from", () -> "contest@ladderboard.test");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    NoticeProducer producer;
    @Autowired
    NoticeMailer mailer;
    @Autowired
    RoundService roundService;
    @Autowired
    JdbcTemplate template;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApiTokenService tokens;

    record Told(long id, String kind, String title, String body, String about) {
    }

    private List<Told> noticesOf(Account account) {
        return jdbc.sql("select id, kind, title, body, about from notice where recipient_id = ? order by id")
                .param(account.getId())
                .query((rs, n) -> new Told(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private List<Told> noticesOf(Account account, NoticeKind kind, long submissionOrJob) {
        return noticesOf(account).stream().filter(t -> t.kind().equals(kind.name()))
                .filter(t -> jdbc.sql("select coalesce(job_id, submission_id) = ? from notice where id = ?")
                        .params(submissionOrJob, t.id()).query(Boolean.class).single())
                .toList();
    }

    private Account person(Role role, String name) {
        return accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@notices.example", name, PASSWORD, role);
    }

    private long currentRound() {
        return roundService.current().orElseThrow().getId();
    }

    /** A submission being scored, with one job per model held by this test's worker, as a claim leaves them. */
    private long scoring(Account author, String taskName, int attempt, int maxAttempts, String... models) {
        long id = jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, description, why_important, why_inverse,
                                                generation_procedure, label_expertise, shots, cause, task_type, status,
                                                example_count, file_name, file_sha256, file_bytes)
                        values (?, ?, ?, 'd', 'i', 'w', 'g', 'l', 'zero-shot', 'strong_prior', 'classification', 'SCORING',
                                10, 'questions.csv', repeat('0', 64), 1)
                        returning id""")
                .params(currentRound(), author.getId(), taskName).query(Long.class).single();
        for (String model : models) {
            jdbc.sql("""
                            insert into scoring_job (submission_id, ladder, model, model_parameters, status, attempt,
                                                     max_attempts, lease_owner, lease_expires_at, heartbeat_at,
                                                     started_at, examples_total)
                            values (?, 'micro', ?, 1000, 'RUNNING', ?, ?, ?, now() + interval '1 minute', now(), now(), 10)""")
                    .params(id, model, attempt, maxAttempts, WORKER).update();
        }
        return id;
    }

    private ClaimedJob held(long submissionId, String model) {
        return jdbc.sql("select id, attempt, max_attempts from scoring_job where submission_id = ? and model = ?")
                .params(submissionId, model)
                .query((rs, n) -> new ClaimedJob(rs.getLong(1), submissionId, "micro", model, rs.getInt(2), rs.getInt(3),
                        10, "classification", 0, null))
                .single();
    }

    /** A scored submission, and the event the worker's last finished job writes with it. */
    private long scored(Account author, String taskName) {
        long id = ScoredTask.create(jdbc, template, currentRound(), author.getId(), taskName, "ada-lovelace",
                List.of("questions.csv"), 8);
        jdbc.sql("insert into submission_event (submission_id, status, note) values (?, 'SCORED', 'all models scored')")
                .param(id).update();
        return id;
    }

    private List<MimeMessage> mailsTo(String address) {
        return mailsTo(address, "");
    }

    private List<MimeMessage> mailsTo(String address, String subjectPart) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(subjectPart);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** A plain-text mail's text, decoded (the server gets it quoted-printable). */
    private static String text(MimeMessage mail) throws Exception {
        return (String) mail.getContent();
    }

    /** The one mail to this address about this task, once the mailer has sent what is due. */
    private MimeMessage theMailTo(String address, String task) {
        await("a mail to " + address + " about " + task).atMost(Duration.ofSeconds(10)).until(() -> {
            mailer.sendDue();
            return !mailsTo(address, task).isEmpty();
        });
        assertThat(mailsTo(address, task)).hasSize(1);
        return mailsTo(address, task).get(0);
    }

    @Test
    void aScoredSubmissionTellsItsAuthorAndEveryJudgeWhoMayReviewItOnceAndBlind() throws Exception {
        Account author = person(Role.CONTESTANT, "Ada Lovelace");
        Account judge = person(Role.JUDGE, "A judge");
        Account conflicted = person(Role.JUDGE, "A conflicted judge");
        Account authorWhoJudges = person(Role.JUDGE, "A judge who submitted");
        long id = scored(author, "Flipped questions");
        jdbc.sql("insert into review (submission_id, judge_id, conflict_of_interest) values (?, ?, true)")
                .params(id, conflicted.getId()).update();
        long own = scored(authorWhoJudges, "The judge's own task");

        // two passes at once, as two app instances would run them, then one more
        var passes = java.util.stream.IntStream.range(0, 2)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(producer::produce)).toList();
        passes.forEach(java.util.concurrent.CompletableFuture::join);
        producer.produce();

        List<Told> toAuthor = noticesOf(author, NoticeKind.SUBMISSION_SCORED, id);
        assertThat(toAuthor).hasSize(1);
        assertThat(toAuthor.get(0).title()).isEqualTo("“Flipped questions” is scored");
        List<Told> toJudge = noticesOf(judge, NoticeKind.REVIEW_WAITING, id);
        assertThat(toJudge).hasSize(1);
        assertThat(toJudge.get(0).title() + toJudge.get(0).body()).contains("Flipped questions", "#" + id)
                .doesNotContain("Ada", "Lovelace", author.getEmail(), "ada-lovelace", "questions.csv");
        assertThat(noticesOf(conflicted, NoticeKind.REVIEW_WAITING, id)).isEmpty();
        assertThat(noticesOf(authorWhoJudges, NoticeKind.REVIEW_WAITING, own)).isEmpty();
        assertThat(noticesOf(judge, NoticeKind.REVIEW_WAITING, own)).hasSize(1);

        // the judge's mail is as blind as the notice, and leads to the review page
        String body = text(theMailTo(judge.getEmail(), "Flipped questions"));
        assertThat(body).contains("https://contest.example/judging/" + id).doesNotContain("Ada", "Lovelace", author.getEmail());
    }

    @Test
    void aFailedSubmissionTellsItsAuthorWhyAndOrganizersHearOfTheJobThatFailedForGood() throws Exception {
        Account author = person(Role.CONTESTANT, "Failing author");
        Account organizer = person(Role.ORGANIZER, "An organizer");
        long id = scoring(author, "Long classes", 3, 3, "micro-40k", "micro-100k");
        JobQueue queue = new JobQueue(dataSource);
        // one job is retried (not for good yet), the other fails at its last attempt: the worker's own statements
        ClaimedJob retried = held(id, "micro-100k");
        jdbc.sql("update scoring_job set attempt = 1 where id = ?").param(retried.id()).update();
        queue.retryOrFail(new ClaimedJob(retried.id(), id, "micro", "micro-100k", 1, 3, 10, "classification", 0, null), WORKER,
                "CUDA out of memory", 0);
        ClaimedJob last = held(id, "micro-40k");
        queue.retryOrFail(last, WORKER, "the engine crashed: out of memory", 0);

        producer.produce();
        producer.produce();

        List<Told> toAuthor = noticesOf(author, NoticeKind.SUBMISSION_FAILED, id);
        assertThat(toAuthor).hasSize(1);
        assertThat(toAuthor.get(0).body()).contains("“Long classes” (#" + id + ") failed: "
                + "micro/micro-40k: the engine crashed: out of memory");
        List<Told> toOrganizer = noticesOf(organizer, NoticeKind.JOB_FAILED, last.id());
        assertThat(toOrganizer).hasSize(1);
        assertThat(toOrganizer.get(0).body()).contains("Job " + last.id(), "micro/micro-40k", "after attempt 3 of 3",
                "infrastructure error", "the engine crashed: out of memory");
        assertThat(noticesOf(organizer, NoticeKind.JOB_FAILED, retried.id())).as("a job that will be retried").isEmpty();

        // a data error fails its job at once: the author is told why, organizers are not (nothing of theirs failed)
        long bad = scoring(author, "Bad rows", 1, 3, "micro-40k");
        ClaimedJob data = held(bad, "micro-40k");
        queue.fail(data, WORKER, org.ladderboard.queue.ErrorKind.DATA, "row 3: the class ' Maybe' is empty");
        producer.produce();
        assertThat(noticesOf(author, NoticeKind.SUBMISSION_FAILED, bad)).extracting(Told::body)
                .singleElement().asString().contains("micro/micro-40k: row 3: the class ' Maybe' is empty");
        assertThat(noticesOf(organizer, NoticeKind.JOB_FAILED, data.id())).as("a data error").isEmpty();

        // the author's page shows the same reason the notice gives
        mvc.perform(get("/submissions/" + id).with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(content().string(containsString("the engine crashed: out of memory")));
        MimeMessage mail = theMailTo(author.getEmail(), "Long classes");
        assertThat(mail.getSubject()).isEqualTo("Ladderboard: “Long classes” could not be scored");
        assertThat(text(mail)).contains("micro/micro-40k: the engine crashed: out of memory",
                "https://contest.example/submissions/" + id);
    }

    @Test
    void aWorkerThatFallsSilentIsToldToOrganizersOncePerSilence() throws Exception {
        Account organizer = person(Role.ORGANIZER, "Queue watcher");
        String silent = "silent-" + UUID.randomUUID();
        String stopped = "stopped-" + UUID.randomUUID();
        String alive = "alive-" + UUID.randomUUID();
        JobQueue queue = new JobQueue(dataSource);
        for (String worker : List.of(silent, stopped, alive)) {
            queue.workerHeartbeat(worker, "gpu-box-1", null, null, null);
        }
        queue.workerStopped(stopped);
        // notices began an hour ago (the migration's cursor is as old as this test database)
        jdbc.sql("update notice_cursor set last_at = now() - interval '1 hour' where source = 'scoring_worker'").update();
        jdbc.sql("update scoring_worker set heartbeat_at = now() - interval '5 minutes' where id in (?, ?)")
                .params(silent, stopped).update();

        producer.produce();
        producer.produce();

        List<Told> told = noticesOf(organizer).stream().filter(t -> t.kind().equals("WORKER_SILENT")).toList();
        assertThat(told).extracting(Told::title).contains("Worker " + silent + " is silent")
                .noneMatch(t -> t.contains(stopped) || t.contains(alive));
        assertThat(told.stream().filter(t -> t.title().contains(silent))).hasSize(1);
        mvc.perform(get("/organizer/queue").with(user(organizer.getEmail()).roles("ORGANIZER")))
                .andExpect(content().string(containsString(silent + "</code> <span class=\"field-error\">(not responding)")));

        // it comes back, then falls silent again: a second notice
        queue.workerHeartbeat(silent, "gpu-box-1", null, null, null);
        jdbc.sql("update scoring_worker set heartbeat_at = now() - interval '2 minutes' where id = ?").param(silent).update();
        producer.produce();
        assertThat(noticesOf(organizer).stream().filter(t -> t.title().contains(silent))).hasSize(2);
    }

    @Test
    void theHeaderCountsUnreadNoticesWhichThePageAndTheApiMarkRead() throws Exception {
        Account author = person(Role.CONTESTANT, "Reader");
        long first = scored(author, "First task");
        long second = scored(author, "Second task");
        producer.produce();
        List<Told> told = noticesOf(author);
        assertThat(told).hasSize(2);

        mvc.perform(get("/notices").with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("title=\"2 unread\"")))
                .andExpect(content().string(containsString("“Second task” is scored")))
                .andExpect(content().string(containsString("/notices/" + told.get(0).id() + "/open")));
        // the link marks the notice read and leads to the submission
        mvc.perform(get("/notices/" + told.get(0).id() + "/open").with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(redirectedUrl("/submissions/" + first));
        mvc.perform(get("/").with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(content().string(containsString("title=\"1 unread\"")));

        // the API, with a token that may only read
        String token = "Bearer " + tokens.issue(author, "dashboard", EnumSet.of(TokenScope.READ)).value();
        mvc.perform(get("/api/notices").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.notices[0].kind").value("SUBMISSION_SCORED"))
                .andExpect(jsonPath("$.notices[0].link").value("/submissions/" + second))
                .andExpect(jsonPath("$.notices[0].readAt").doesNotExist())
                .andExpect(jsonPath("$.notices[1].readAt").isString());
        mvc.perform(get("/api/notices?unread=true").header("Authorization", token))
                .andExpect(jsonPath("$.notices.length()").value(1));
        mvc.perform(post("/api/notices/" + told.get(1).id() + "/read").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unread").value(0));
        Account someoneElse = person(Role.CONTESTANT, "Someone else");
        String theirs = "Bearer " + tokens.issue(someoneElse, "theirs", EnumSet.of(TokenScope.READ)).value();
        mvc.perform(post("/api/notices/" + told.get(1).id() + "/read").header("Authorization", theirs))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").isString());
        mvc.perform(get("/").with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(content().string(not(containsString("unread\""))));

        // and the page's "mark all read"
        long third = scored(author, "Third task");
        producer.produce();
        assertThat(noticesOf(author, NoticeKind.SUBMISSION_SCORED, third)).hasSize(1);
        mvc.perform(post("/notices/read-all").with(csrf()).with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(redirectedUrl("/notices"));
        mvc.perform(post("/api/notices/read-all").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.marked").value(0)).andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void theMailSaysWhatHappenedLinksToItAndTurnsItselfOffWithOneClick() throws Exception {
        Account author = person(Role.CONTESTANT, "Mail reader");
        long id = scored(author, "Mailed task");
        producer.produce();

        MimeMessage mail = theMailTo(author.getEmail(), "Mailed task");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("contest@ladderboard.test");
        assertThat(mail.getSubject()).isEqualTo("Ladderboard: “Mailed task” is scored");
        String body = text(mail);
        assertThat(body).contains("Your submission “Mailed task” (#" + id + ") is scored",
                "https://contest.example/submissions/" + id, "E-mail me each notice", "https://contest.example/account");
        assertThat(jdbc.sql("select emailed_at is not null from notice where recipient_id = ?").param(author.getId())
                .query(Boolean.class).single()).isTrue();

        Matcher off = Pattern.compile("https://contest\\.example(/notices/email-off\\?token=([0-9a-f-]{36}))").matcher(body);
        assertThat(off.find()).as("an off link in: " + body).isTrue();
        mvc.perform(get(off.group(1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Turn e-mail notices off")));
        mvc.perform(post("/notices/email-off").with(csrf()).param("token", off.group(2)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("E-mail notices are off")));
        assertThat(jdbc.sql("select notice_email from account where id = ?").param(author.getId())
                .query(Boolean.class).single()).isFalse();
        mvc.perform(get("/notices/email-off?token=" + UUID.randomUUID())).andExpect(status().isOk())
                .andExpect(content().string(containsString("This link is not valid")));
        mvc.perform(get("/notices/email-off?token=nonsense")).andExpect(status().isOk())
                .andExpect(content().string(containsString("This link is not valid")));
    }

    @Test
    void someoneWhoTurnedEMailOffGetsNoMailButStillTheNotice() throws Exception {
        Account author = person(Role.CONTESTANT, "Quiet person");
        mvc.perform(get("/account").with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(content().string(containsString("E-mail me each notice")));
        mvc.perform(post("/account/notices").with(csrf()).with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(redirectedUrl("/account?notices=off"));
        long id = scored(author, "Quiet task");
        producer.produce();
        mailer.sendDue();

        assertThat(mailsTo(author.getEmail())).isEmpty();
        assertThat(noticesOf(author, NoticeKind.SUBMISSION_SCORED, id)).hasSize(1);
        mvc.perform(get("/notices").with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(content().string(containsString("“Quiet task” is scored")))
                .andExpect(content().string(containsString("E-mail notices are off")));

        // on again: the next notice is mailed
        mvc.perform(post("/account/notices").with(csrf()).param("email", "true").with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(redirectedUrl("/account?notices=on"));
        scored(author, "Loud task");
        producer.produce();
        assertThat(theMailTo(author.getEmail(), "Loud task").getSubject()).contains("Loud task");
    }

    @Test
    void aMailTheServerRefusesIsRecordedAndTriedABoundedNumberOfTimesAndTheNoticeStays() {
        Account author = person(Role.CONTESTANT, "Unreachable person");
        jdbc.sql("update account set email = ? where id = ?").params("unreachable " + author.getId() + " @@", author.getId()).update();
        long id = scored(author, "Unmailable task");
        producer.produce();
        long notice = noticesOf(author, NoticeKind.SUBMISSION_SCORED, id).get(0).id();

        await("every try used up").atMost(Duration.ofSeconds(20)).until(() -> {
            mailer.sendDue();
            return jdbc.sql("select email_due_at is null from notice where id = ?").param(notice).query(Boolean.class).single();
        });
        mailer.sendDue();
        record Mailing(int attempts, String error, boolean emailed) {
        }
        Mailing state = jdbc.sql("select email_attempts, email_error, emailed_at is not null from notice where id = ?")
                .param(notice).query((rs, n) -> new Mailing(rs.getInt(1), rs.getString(2), rs.getBoolean(3))).single();
        assertThat(state.attempts()).isEqualTo(NoticeMailer.MAX_ATTEMPTS);
        assertThat(state.error()).contains("could not be sent");
        assertThat(state.emailed()).isFalse();
        assertThat(jdbc.sql("select read_at is null from notice where id = ?").param(notice).query(Boolean.class).single()).isTrue();
    }
}
