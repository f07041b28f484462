package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationSettings;

class WorkerCommandLineTest {

    private static String captureStdout(ThrowingRunnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void validateExitsZeroForAValidFileAndOneWithTheErrorsOtherwise(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.csv");
        Files.write(good, ValidationBenchmark.generate(3, 200));
        int[] exit = new int[1];
        String text = captureStdout(() -> exit[0] = ValidateCommand.run(CommandLine.parse(
                new String[] {"--data", good.toString(), "--task-type", "classification", "--min-rows", "1"})));
        assertThat(exit[0]).isZero();
        assertThat(text).startsWith("VALID: 3 rows");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "prompt,classes,answer_index\nq,\"[' a', ' b']\",5\n");
        String report = captureStdout(() -> exit[0] = ValidateCommand.run(CommandLine.parse(
                new String[] {"--data", bad.toString(), "--task-type", "classification", "--min-rows", "1", "--json"})));
        assertThat(exit[0]).isEqualTo(1);
        assertThat(report).contains("\"code\" : \"answer_index_out_of_range\"").contains("\"line\" : 2");
    }

    @Test
    void optionsAreCheckedBeforeAnythingRuns() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"stray"})).hasMessageContaining("stray");
        assertThatThrownBy(() -> ValidateCommand.run(CommandLine.parse(new String[] {"--data", "x.csv"})))
                .hasMessageContaining("--task-type");
        assertThatThrownBy(() -> ValidateCommand.run(CommandLine.parse(
                new String[] {"--data", "x.csv", "--task-type", "regression"}))).hasMessageContaining("regression");
    }

    @Test
    void theBenchmarkDataIsARealisticValidPrizeFile() {
        byte[] csv = ValidationBenchmark.generate(2_000, 750);
        assertThat(csv.length).isBetween(1_400_000, 1_700_000);
        ValidationReport report = new DatasetValidator(ValidationSettings.defaults())
                .validate("bench.csv", csv, TaskType.CLASSIFICATION).report();
        assertThat(report.valid()).isTrue();
        assertThat(report.rows()).isEqualTo(2_000);
        assertThat(report.preview().get(0).prompt()).contains("\n").contains("\"quoted\"");
        assertThat(report.preview().get(0).classes()).containsExactly(" yes", " no", " don't");
    }
}
