package org.ladderboard.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.checkpoint.ModelConfig;
import org.ladderboard.engine.scoring.TokenizerCheck;
import org.ladderboard.engine.tokenizer.ModelTokenizer;
import org.ladderboard.validation.ExampleCheck;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ValidationReport;
import org.ladderboard.validation.ValidationSettings;

/**
 * {@code bench-validate}: generates a classification CSV of the requested size (multi-line quoted prompts, Python
 * list literals, like real prize files) and prints how long validation takes. The first run includes JIT warm-up,
 * so it is printed apart from the steady-state figure. With {@code --model DIR} the model's tokenizer rules run
 * too, as they do for an upload to a round on that model's ladder.
 */
final class ValidationBenchmark {

    private ValidationBenchmark() {
    }

    static int run(CommandLine args) {
        int rows = args.integer("rows", 20_000);
        int rowBytes = args.integer("row-bytes", 750);
        int repeat = args.integer("repeat", 5);
        byte[] csv = generate(rows, rowBytes);
        String model = args.options().get("model");
        if (model == null) {
            return time(new DatasetValidator(ValidationSettings.defaults().withMinRows(1)), csv, rows, repeat);
        }
        // with the model's tokenizer rules too, as an upload to a round on that model's ladder is checked
        Path dir = Path.of(model);
        try (ModelTokenizer tokenizer = ModelTokenizer.open(dir)) {
            List<ExampleCheck> checks = List.of(new TokenizerCheck(dir.getFileName().toString(), tokenizer,
                    ModelConfig.read(dir).contextLength()));
            System.out.printf("with the tokenizer rules of %s%n", dir.getFileName());
            return time(new DatasetValidator(ValidationSettings.defaults().withMinRows(1), checks), csv, rows, repeat);
        } catch (IOException e) {
            System.err.println("cannot open the model in " + dir + ": " + e.getMessage());
            return 2;
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
