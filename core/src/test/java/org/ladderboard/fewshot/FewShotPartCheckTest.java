package org.ladderboard.fewshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.Finding;
import org.ladderboard.validation.ValidationSettings;

/** A sweep round warns about each part too small to give its examples K demonstrations, and only about those. */
class FewShotPartCheckTest {

    private static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder("prompt,classes,answer_index\n");
        for (int i = 0; i < rows; i++) {
            csv.append("\"Question ").append(i).append("?\",\"[' yes', ' no']\",").append(i % 2).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(int small, int large) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("small.csv"));
            zip.write(csv(small));
            zip.putNextEntry(new ZipEntry("large.csv"));
            zip.write(csv(large));
        }
        return out.toByteArray();
    }

    private static List<Finding> warnings(DatasetValidator validator, byte[] upload) {
        return validator.validate("task.zip", upload, TaskType.CLASSIFICATION).report().warnings().stream()
                .filter(f -> f.code().equals("few_shot_part_small")).toList();
    }

    @Test
    void aPartWithKOrFewerExamplesIsNamedWithTheDemonstrationsItCanGive() throws IOException {
        DatasetValidator validator = new DatasetValidator(ValidationSettings.defaults().withMinRows(1))
                .withRoundCheck(new FewShotPartCheck(4));
        List<Finding> found = warnings(validator, zip(4, 40));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).part()).isEqualTo("small");
        assertThat(found.get(0).message()).contains("4 examples").contains("only 3 demonstrations");
        assertThat(warnings(validator, zip(5, 40))).isEmpty();
    }

    /** The quick check's budget bounds the tokenizer rules, not this count: it reads every row. */
    @Test
    void itCountsEveryRowWhateverTheCheckBudget() throws IOException {
        org.ladderboard.validation.ExampleCheck tokenizerLike = (type, examples, findings) -> { };
        DatasetValidator budgeted = new DatasetValidator(ValidationSettings.defaults().withMinRows(1), List.of(tokenizerLike))
                .withCheckBudget(1).withRoundCheck(new FewShotPartCheck(35));
        List<Finding> found = warnings(budgeted, zip(30, 40));
        assertThat(found).extracting(Finding::part).containsExactly("small");
        assertThat(found.get(0).message()).contains("30 examples");
    }
}
