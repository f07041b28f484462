package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
        String text = captureStdout(() -> exit[0] = WorkerCommand.execute("validate", "--data", good.toString(), "--task-type", "classification", "--min-rows", "1"));
        assertThat(exit[0]).isZero();
        assertThat(text).startsWith("VALID: 3 rows");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "prompt,classes,answer_index\nq,\"[' a', ' b']\",5\n");
        String report = captureStdout(() -> exit[0] = WorkerCommand.execute("validate", "--data", bad.toString(), "--task-type", "classification", "--min-rows", "1", "--json"));
        assertThat(exit[0]).isEqualTo(1);
        assertThat(report).contains("\"code\" : \"answer_index_out_of_range\"").contains("\"line\" : 2");
    }

    /** Exit status and standard error of one command line. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WorkerCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void optionsAreCheckedBeforeAnythingRuns() {
        Run stray = run("validate", "--data", "x.csv", "--task-type", "classification", "stray");
        assertThat(stray.exit()).isEqualTo(2);
        assertThat(stray.err()).contains("stray").contains("Usage: ladderboard-worker validate");
        assertThat(run("validate", "--data", "x.csv").err()).contains("--task-type");
        Run unknownType = run("validate", "--data", "x.csv", "--task-type", "regression");
        assertThat(unknownType.exit()).isEqualTo(2);
        assertThat(unknownType.err()).contains("regression");
    }

    @Test
    void aMisspeltOptionIsAnErrorWithTheUsageNotASilentDefault() {
        Run misspelt = run("score", "--model", "m", "--data", "d.csv", "--task-tipe", "logodds");
        assertThat(misspelt.exit()).isEqualTo(2);
        assertThat(misspelt.err()).contains("Unknown options: '--task-tipe', 'logodds'").contains("Usage: ladderboard-worker score")
                .contains("--task-type");
        assertThat(run("work", "--heartbeat", "5").err()).contains("Unknown options: '--heartbeat', '5'")
                .contains("Possible solutions: --heartbeat-ms");
        assertThat(run("no-such-command").exit()).isEqualTo(2);
    }

    /** A file that is not what it should be is the user's to fix: one line that says so, not a stack trace. */
    @Test
    void anUnreadableInputIsOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("case.json"), "{ not json");
        Run verdict = run("verdict", "--in", garbage.toString());
        assertThat(verdict.exit()).isEqualTo(1);
        assertThat(verdict.err()).startsWith("error: ").doesNotContain("\tat ").hasLineCount(1);
        Path data = Files.writeString(dir.resolve("d.csv"), "prompt,classes,answer_index\nHi,\"[' a', ' b']\",0\n");
        Run noModel = run("score", "--model", dir.resolve("no-such-model").toString(), "--data", data.toString());
        assertThat(noModel.exit()).isIn(1, 2);
        assertThat(noModel.err()).startsWith("error: ").doesNotContain("\tat ");
    }

    @Test
    void theWorkerNeedsItsOwnLaddersFileAndDatabase(@TempDir Path dir) throws Exception {
        // never the app's sources or its embedded database's postmaster.pid: a worker is told where they are
        Run noLadders = run("work", "--database-url", "jdbc:postgresql://localhost:1/none");
        assertThat(noLadders.exit()).isEqualTo(2);
        assertThat(noLadders.err()).contains("--ladders").contains("LADDERBOARD_LADDERS");
        Path config = Files.writeString(dir.resolve("worker.properties"), "ladders=" + dir.resolve("ladders.yml") + "\n");
        Run noDatabase = run("work", "--config", config.toString());
        assertThat(noDatabase.exit()).isEqualTo(2);
        assertThat(noDatabase.err()).contains("--database-url").contains("SPRING_DATASOURCE_URL");
        assertThat(run("work", "--config", dir.resolve("missing.properties").toString()).err())
                .contains("missing.properties").contains("does not exist");
    }

    @Test
    void validateWithAModelRunsTheUploadsTokenizerRules(@TempDir Path dir) throws Exception {
        // a prompt longer than the model's context: the upload page warns for that model, and so does validate
        Path csv = Files.writeString(dir.resolve("t.csv"), "prompt,classes,answer_index\n\"" + "once upon a time ".repeat(2_000)
                + "\",\"[' yes', ' no']\",0\n");
        Path model = org.ladderboard.engine.Fixtures.model("stories260K-hf");
        Run plain = run("validate", "--data", csv.toString(), "--task-type", "classification", "--min-rows", "1", "--json");
        Run withModel = run("validate", "--data", csv.toString(), "--task-type", "classification", "--min-rows", "1",
                "--json", "--model", model.toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(withModel.exit()).as(withModel.err()).isZero();
        assertThat(plain.out()).doesNotContain("stories260K-hf");
        assertThat(withModel.out()).contains("for stories260K-hf");
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
