package org.ladderboard.app.round;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;

/** A clock set after every round has closed: submissions are refused, the round is still shown. */
@Import(ClosedRoundTest.AfterTheDeadline.class)
class ClosedRoundTest extends IntegrationTest {

    @TestConfiguration
    static class AfterTheDeadline {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
        }
    }

    @Test
    void submissionsAfterTheDeadlineAreRefusedWith409() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        mvc.perform(multipart("/api/submissions")
                        .file(new MockMultipartFile("file", "d.csv", "text/csv", classificationCsv(10)))
                        .param("taskType", "classification").param("name", "late")
                        .with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("no round is open for submissions now"));
        mvc.perform(get("/api/rounds/current")).andExpect(jsonPath("$.open").value(false));
    }
}
