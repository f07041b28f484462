package org.ladderboard.app.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A ladder whose checkpoints cannot be loaded (here: a ladders file whose paths lead nowhere, as the bundled ladder's
 * did when the app was started from another folder) takes no submissions: the upload is refused at once with a
 * message that says why, nothing is stored, and it costs the contestant none of the day's attempts. Before, the
 * upload was accepted, retried three times and failed with "config.json (No such file or directory)".
 */
class BrokenLadderTest extends IntegrationTest {

    @DynamicPropertySource
    static void brokenLadder(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("broken-ladder");
            Path file = Files.writeString(dir.resolve("ladders.yml"), """
                    ladders:
                      - name: micro
                        family: llama
                        rungs:
                          - { name: micro-40k, parameters: 39504, checkpoint: micro/micro-40k }
                    """);
            registry.add("ladderboard.ladders-file", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    LadderHealth health;

    @Test
    void aRoundOnALadderThatCannotLoadRefusesUploadsClearlyAndStoresNothing() throws Exception {
        assertThat(health.usable("micro")).isFalse();
        assertThat(health.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("does not exist"));

        Account contestant = newAccount(Role.CONTESTANT);
        long submissions = count("submission");
        long attempts = count("upload_attempt");
        mvc.perform(multipart("/api/submissions")
                        .file(new MockMultipartFile("file", "data.csv", "text/csv", classificationCsv(ROUND_MIN_EXAMPLES)))
                        .param("taskType", "classification").param("name", "Memo trap").param("cause", "strong_prior")
                        .with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(status().isConflict())
                // the contestant learns which ladder and that nothing counted; the server's paths stay the organizers'
                .andExpect(jsonPath("$.error").value(allOf(containsString("ladder 'micro' cannot score"),
                        containsString("does not count"), not(containsString("ladders.yml")))));
        assertThat(count("submission")).isEqualTo(submissions);
        assertThat(count("upload_attempt")).isEqualTo(attempts);
    }
}
