package org.ladderboard.worker;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.model.LoadedModel;
import org.ladderboard.fewshot.FewShot;
import org.ladderboard.engine.scoring.Evaluator;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.validation.ParsedPart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.ladderboard.queue.ScoreRecord;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code score --model DIR --data FILE [--task-type T] [--out FILE.jsonl] [--device cpu|gpu] [--batch-tokens N]
 * [--shots K --seed S] [--dump-prompts FILE.jsonl]}: one JSON line per example (its 0-based position in the file as
 * {@code index}) and a summary on stderr. With {@code --shots}, each prompt gets K demonstrations as the prize's
 * organisers built them ({@link FewShot}); {@code --dump-prompts} writes the exact prompts scored, so anyone can check
 * the construction and score them again as a plain dataset.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score every example on a checkpoint: one JSON line each, the summary on stderr.")
final class ScoreCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DatasetArgument.Options dataOptions;

    @Option(names = "--out", paramLabel = "FILE.jsonl", description = "where to write the lines (default: standard output)")
    Path outFile;

    @Option(names = "--shots", paramLabel = "K", defaultValue = "0",
            description = "demonstrations per prompt: K other examples of the same part with their answers (default ${DEFAULT-VALUE})")
    int shots;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + FewShot.DEFAULT_SEED,
            description = "the seed that draws the demonstrations; the same seed gives the same prompts (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dump-prompts", paramLabel = "FILE.jsonl",
            description = "write the exact prompt scored for each example, one {\"index\",\"prompt\"} line each")
    Path dumpPrompts;

    @Override
    public Integer call() throws Exception {
        DatasetArgument data = dataOptions.read();
        if (shots < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--shots must be 0 or more");
        }
        List<Example> examples = FewShot.build(data.parsed().parts().stream().flatMap(p -> p.examples().stream()).toList(),
                data.taskType(), shots, seed);
        if (dumpPrompts != null) {
            dump(examples, dumpPrompts);
        }
        boolean multiPart = data.parsed().parts().size() > 1;
        try (LoadedModel loaded = modelOptions.open()) {
            Scorer scorer = new Scorer(loaded.model(), loaded.tokenizer(), modelOptions.batchTokens(loaded.model().manager().getDevice()));
            long start = System.nanoTime();
            List<ExampleResult> results = Evaluator.evaluate(scorer, data.taskType(), examples);
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Writer out = outFile != null
                    ? Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)
                    : new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
                for (ExampleResult r : results) {
                    out.write(JSON.writeValueAsString(line(r, multiPart ? examples.get(r.index()).part() : null)));
                    out.write('\n');
                }
            }
            Map<String, Object> summary = summary(data, loaded, results, seconds);
            summary.put("shots", shots);
            if (shots > 0) {
                summary.put("seed", seed);
            }
            Scorer.Work work = scorer.workDone();
            summary.put("body_tokens", work.bodyTokens());
            summary.put("lm_eval_tokens", work.lmEvalTokens());
            System.err.println(JSON.writeValueAsString(summary));
        }
        return 0;
    }

    /** One line per example: its index and the prompt (and other_prompt, for the logodds types) exactly as scored. */
    private static void dump(List<Example> examples, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < examples.size(); i++) {
                ObjectNode line = JSON.createObjectNode();
                line.put("index", i);
                line.put("prompt", examples.get(i).prompt());
                if (examples.get(i).otherPrompt() != null) {
                    line.put("other_prompt", examples.get(i).otherPrompt());
                }
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
    }

    /** The example's place in the file, its part when the file has several, and its score record. */
    static ObjectNode line(ExampleResult r, String part) {
        ObjectNode line = JSON.createObjectNode();
        line.put("index", r.index());
        if (part != null) {
            line.put("part", part);
        }
        line.setAll(ScoreRecord.of(r));
        return line;
    }

    private static Map<String, Object> summary(DatasetArgument data, LoadedModel loaded, List<ExampleResult> results,
                                               double seconds) {
        List<ExampleResult> ok = results.stream().filter(ExampleResult::ok).toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("data", data.path().getFileName().toString());
        s.put("task_type", data.taskType().id());
        s.put("parts", data.parsed().parts().stream().map(ParsedPart::summary).map(p -> p.name()).toList());
        s.put("n", results.size());
        s.put("n_errors", results.size() - ok.size());
        s.put("n_truncated", ok.stream().filter(ExampleResult::truncated).count());
        if (data.taskType().isLogodds()) {
            s.put("mean_logodds_difference", ok.stream().mapToDouble(ExampleResult::logoddsDifference).average().orElse(Double.NaN));
        } else {
            s.put("mean_loss", ok.stream().mapToDouble(ExampleResult::loss).average().orElse(Double.NaN));
        }
        if (data.taskType() != TaskType.SEQUENCE_PROB) {
            s.put("accuracy", ok.stream().mapToDouble(r -> r.correct() ? 1 : 0).average().orElse(Double.NaN));
        }
        if (data.taskType() == TaskType.CLASSIFICATION || data.taskType() == TaskType.CLASSIFICATION_ACC) {
            s.put("mean_prob_mass_on_classes", ok.stream().mapToDouble(r -> Math.exp(r.totalLogprob())).average().orElse(Double.NaN));
        }
        s.put("model_load_seconds", round(loaded.loadSeconds()));
        s.put("scoring_seconds", round(seconds));
        s.put("examples_per_second", round(results.size() / seconds));
        return s;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
