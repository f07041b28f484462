package org.ladderboard.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.ladderboard.dataset.TaskType;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.validation.ExampleCheck;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-validate}: generates a classification CSV of the requested size (multi-line quoted prompts, Python
 * list literals, like real prize files) and prints how long validation takes. The first run includes JIT warm-up,
 * so it is printed apart from the steady-state figure. With {@code --model DIR} the model's tokenizer rules run
 * too, as they do for an upload to a round on that model's ladder.
 */
@Command(name = "bench-validate", mixinStandardHelpOptions = true,
        description = {"Time validation of a generated classification file and print the figures;",
                "with --model, the model's tokenizer rules too."})
final class ValidationBenchmark implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "20000", description = "rows (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--row-bytes", defaultValue = "750", description = "bytes per row (default ${DEFAULT-VALUE})")
    int rowBytes;

    @Option(names = "--repeat", defaultValue = "5", description = "warm runs (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--model", paramLabel = "DIR", description = "a checkpoint directory whose tokenizer rules to time too")
    Path model;

    @Override
    public Integer call() {
        byte[] csv = generate(rows, rowBytes);
        if (model == null) {
            return time(new DatasetValidator(ValidationSettings.defaults().withMinRows(1)), csv, rows, repeat);
        }
        // with the model's tokenizer rules too, as an upload to a round on that model's ladder is checked
        List<ModelTokenizer> opened = new ArrayList<>();
        try {
            List<ExampleCheck> checks = ValidateCommand.tokenizerChecks(List.of(model), opened);
            System.out.printf("with the tokenizer rules of %s%n", model.getFileName());
            return time(new DatasetValidator(ValidationSettings.defaults().withMinRows(1), checks), csv, rows, repeat);
        } catch (IOException e) {
            System.err.println("cannot open the model in " + model + ": " + e.getMessage());
            return 2;
        } finally {
            opened.forEach(ModelTokenizer::close);
        }
    }

    private static int time(DatasetValidator validator, byte[] csv, int rows, int repeat) {
        System.out.printf("dataset: %d rows, %.1f MB%n", rows, csv.length / 1e6);
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= repeat; i++) {
            long start = System.nanoTime();
            ValidationReport report = validator.validate("bench.csv", csv, TaskType.CLASSIFICATION).report();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!report.valid() || report.rows() != rows) {
                System.err.println("benchmark data did not validate: " + report.errors());
                return 1;
            }
            System.out.printf("%s %d: %.3f s (%.0f rows/s, %.1f MB/s)%n", i == 0 ? "cold run" : "run", i, seconds,
                    rows / seconds, csv.length / 1e6 / seconds);
            if (i > 0) {
                best = Math.min(best, seconds);
            }
        }
        System.out.printf("best of %d warm runs: %.3f s for %d rows%n", repeat, best, rows);
        return 0;
    }

    static byte[] generate(int rows, int rowBytes) {
        Random random = new Random(42);
        String[] words = "the of and to in that it is was he for on are as with his they at be this from".split(" ");
        StringBuilder out = new StringBuilder(rows * (rowBytes + 40)).append(",prompt,classes,answer_index\n");
        for (int i = 0; i < rows; i++) {
            StringBuilder prompt = new StringBuilder("Q").append(i).append(": \"\"quoted\"\", then\n");
            while (prompt.length() < rowBytes - 60) {
                prompt.append(words[random.nextInt(words.length)]).append(random.nextInt(9) == 0 ? ",\n" : " ");
            }
            prompt.append("answer:");
            out.append(i).append(",\"").append(prompt).append("\",\"[' yes', ' no', \"\" don't\"\"]\",")
                    .append(random.nextInt(3)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
