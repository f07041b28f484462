package org.ladderboard.app.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class SubmitPageTest extends IntegrationTest {

    private static RequestPostProcessor as(Account account) {
        return user(account.getEmail()).roles(account.getRole().name());
    }

    @Test
    void registrationNeedsTheCsrfTokenAndCreatesAContestant() throws Exception {
        String email = "New.Person+" + System.nanoTime() + "@Example.org";
        mvc.perform(post("/register").param("email", email).param("password", PASSWORD).param("confirm", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", PASSWORD).param("confirm", PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/login?registered=*"));
        Account created = accounts.byEmail(email.toLowerCase());
        assertThat(created.getRole()).isEqualTo(Role.CONTESTANT);
        assertThat(created.getPasswordHash()).startsWith("{bcrypt}");

        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", PASSWORD).param("confirm", PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("exists already")));
        mvc.perform(post("/register").with(csrf()).param("email", "x" + email).param("password", "short").param("confirm", "other"))
                .andExpect(content().string(allOf(containsString("at least 10 characters"), containsString("differ"))));
    }

    @Test
    void formLoginSignsIn() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        mvc.perform(post("/login").with(csrf()).param("username", contestant.getEmail()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", contestant.getEmail()).param("password", "nope"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void homeShowsTheRoundDeadlineAndWhatIsLeftToday() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Test round"), containsString("Deadline"),
                        containsString("Register to take part"))));
        mvc.perform(get("/").with(as(newAccount(Role.CONTESTANT)))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("submissions left today"), containsString("resets at"))));
    }

    @Test
    void aRejectedFileComesBackWithItsReportAndAnAcceptedOneIsListed() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        byte[] bad = "prompt,classes,answer_index\nq,\"[' a', ' b']\",0\nr,\"[' a', ' b'\",0\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/submit").file(new MockMultipartFile("file", "bad.csv", "text/csv", bad))
                        .param("name", "My task").param("taskType", "classification").with(csrf()).with(as(contestant)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Not accepted"), containsString("row 2 (line 3)"),
                        containsString("classes_invalid"))));

        String location = mvc.perform(multipart("/submit").file(new MockMultipartFile("file", "good.csv", "text/csv", classificationCsv(8)))
                        .param("name", "My <b>task</b>").param("taskType", "classification").with(csrf()).with(as(contestant)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/submissions/\\d+\\?submitted");

        mvc.perform(get(location).with(as(contestant))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("queued for scoring"), containsString("micro-1m"),
                        containsString("My &lt;b&gt;task&lt;/b&gt;"), not(containsString("My <b>task</b>")))));
        mvc.perform(get("/submissions").with(as(contestant))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("My &lt;b&gt;task&lt;/b&gt;"), containsString("queued"))));
    }

    @Test
    void missingFieldsAreShownBesideTheForm() throws Exception {
        mvc.perform(multipart("/submit").param("taskType", "").with(csrf()).with(as(newAccount(Role.CONTESTANT))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("give the task a name"),
                        containsString("choose the dataset file"))));
    }

    @Test
    void pagesAreClosedToTheWrongRoles() throws Exception {
        mvc.perform(get("/submit")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/submit").with(as(newAccount(Role.JUDGE)))).andExpect(status().isForbidden());
        mvc.perform(get("/organizer/accounts").with(as(newAccount(Role.CONTESTANT)))).andExpect(status().isForbidden());
        mvc.perform(get("/organizer/accounts").with(as(newAccount(Role.ORGANIZER)))).andExpect(status().isOk());

        Account owner = newAccount(Role.CONTESTANT);
        String location = mvc.perform(multipart("/submit").file(new MockMultipartFile("file", "good.csv", "text/csv", classificationCsv(8)))
                .param("name", "Private").param("taskType", "classification").with(csrf()).with(as(owner)))
                .andReturn().getResponse().getRedirectedUrl();
        String page = location.replace("?submitted", "");
        mvc.perform(get(page).with(as(newAccount(Role.CONTESTANT)))).andExpect(status().isNotFound());
        mvc.perform(get(page).with(as(newAccount(Role.JUDGE)))).andExpect(status().isOk());
    }

    @Test
    void organizersChangeRolesAndDisableAccounts() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        Account someone = newAccount(Role.CONTESTANT);
        String token = tokens.issue(someone, "script").value();
        mvc.perform(post("/organizer/accounts/" + someone.getId()).with(csrf()).with(as(organizer))
                .param("role", "JUDGE").param("enabled", "true")).andExpect(redirectedUrl("/organizer/accounts"));
        assertThat(accounts.byEmail(someone.getEmail()).getRole()).isEqualTo(Role.JUDGE);

        mvc.perform(post("/organizer/accounts/" + someone.getId()).with(csrf()).with(as(organizer)).param("role", "JUDGE"))
                .andExpect(redirectedUrl("/organizer/accounts"));
        assertThat(accounts.byEmail(someone.getEmail()).isEnabled()).isFalse();
        // a disabled account can neither sign in nor use its tokens
        mvc.perform(post("/login").with(csrf()).param("username", someone.getEmail()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/submissions").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        // nobody demotes themselves by accident
        mvc.perform(post("/organizer/accounts/" + organizer.getId()).with(csrf()).with(as(organizer)).param("role", "CONTESTANT")
                .param("enabled", "true"));
        assertThat(accounts.byEmail(organizer.getEmail()).getRole()).isEqualTo(Role.ORGANIZER);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.ladderboard.app.account.ApiTokenService tokens;

    @Test
    void organizersCreateJudges() throws Exception {
        String email = "judge-" + System.nanoTime() + "@test.example";
        mvc.perform(post("/organizer/accounts").with(csrf()).with(as(newAccount(Role.ORGANIZER)))
                        .param("email", email).param("password", PASSWORD).param("role", "JUDGE"))
                .andExpect(redirectedUrl("/organizer/accounts"));
        assertThat(accounts.byEmail(email).getRole()).isEqualTo(Role.JUDGE);
    }

    /** Outside the round's window the page says when submissions open (or that the round closed) and what still works. */
    @Test
    void outsideTheWindowThePageSaysWhenSubmissionsOpen() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        org.ladderboard.app.round.Round round = rounds.findAll().get(0);
        java.time.Instant opens = round.getOpensAt();
        java.time.Instant closes = round.getClosesAt();
        try {
            round.setSchedule(round.getName(), java.time.Instant.now().plus(java.time.Duration.ofDays(2)),
                    java.time.Instant.now().plus(java.time.Duration.ofDays(9)));
            rounds.save(round);
            mvc.perform(get("/submit").with(as(contestant))).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Submissions open"), containsString("You can still check a file"),
                            not(containsString("closed")))));
            round.setSchedule(round.getName(), java.time.Instant.now().minus(java.time.Duration.ofDays(9)),
                    java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
            rounds.save(round);
            mvc.perform(get("/submit").with(as(contestant))).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("closed"), containsString("no round is open"))));
        } finally {
            round.setSchedule(round.getName(), opens, closes);
            rounds.save(round);
        }
    }
}
