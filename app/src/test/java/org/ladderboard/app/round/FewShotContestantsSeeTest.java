package org.ladderboard.app.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.validation.UploadValidator;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.Finding;
import org.springframework.beans.factory.annotation.Autowired;

/** What a contestant learns of a round's few-shot sweep before scoring: the K's, and a part too small for them. */
class FewShotContestantsSeeTest extends IntegrationTest {

    @Autowired
    UploadValidator validator;

    @Autowired
    RoundService roundService;

    private static byte[] zip(int small, int large) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var part : List.of(java.util.Map.entry("small.csv", small), java.util.Map.entry("large.csv", large))) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                StringBuilder csv = new StringBuilder("prompt,classes,answer_index\n");
                for (int i = 0; i < part.getValue(); i++) {
                    csv.append("\"Is ").append(part.getKey()).append(' ').append(i).append(" odd?\",\"[' yes', ' no']\",")
                            .append(i % 2).append('\n');
                }
                zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Test
    void anUploadToASweepRoundIsWarnedOfAPartTooSmallForItsLargestK() throws IOException {
        byte[] upload = zip(3, 30);
        List<Finding> withSweep = validator.validate("task.zip", upload, TaskType.CLASSIFICATION, 1, Set.of("micro"),
                VisibleLadders.all(), 4).report().warnings();
        assertThat(withSweep).filteredOn(f -> f.code().equals("few_shot_part_small")).extracting(Finding::part)
                .containsExactly("small");
        List<Finding> without = validator.validate("task.zip", upload, TaskType.CLASSIFICATION, 1, Set.of("micro"),
                VisibleLadders.all(), 0).report().warnings();
        assertThat(without).noneMatch(f -> f.code().equals("few_shot_part_small"));
    }

    @Test
    void theCurrentRoundSaysWhichKsItScores() throws Exception {
        Round current = roundService.current().orElseThrow();
        List<Integer> shots = current.getFewShotShots();
        Long seed = current.getFewShotSeed();
        try {
            current.setFewShot(List.of(0, 2), 5L);
            rounds.save(current);
            mvc.perform(get("/api/rounds/current")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.fewShotShots[1]").value(2));
        } finally {
            Round again = rounds.findById(current.getId()).orElseThrow();
            again.setFewShot(shots, seed);
            rounds.save(again);
        }
    }
}
