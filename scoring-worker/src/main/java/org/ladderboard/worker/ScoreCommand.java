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

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.scoring.Evaluator;
import org.ladderboard.engine.scoring.ExampleResult;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.validation.ParsedPart;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code score --model DIR --data FILE [--task-type T] [--out FILE.jsonl] [--device cpu|gpu] [--batch-tokens N]}:
 * one JSON line per example (its 0-based position in the file as {@code index}) and a summary on stderr.
 */
final class ScoreCommand {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ScoreCommand() {
    }

    static int run(CommandLine args) throws Exception {
        DatasetArgument data = DatasetArgument.read(args);
        List<Example> examples = data.parsed().parts().stream().flatMap(p -> p.examples().stream()).toList();
        boolean multiPart = data.parsed().parts().size() > 1;
        try (LoadedModel loaded = LoadedModel.open(args)) {
            Scorer scorer = new Scorer(loaded.model(), loaded.tokenizer(), args.integer("batch-tokens", Scorer.defaultTokenBudget(loaded.model().manager().getDevice())));
            long start = System.nanoTime();
            List<ExampleResult> results = Evaluator.evaluate(scorer, data.taskType(), examples);
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Writer out = args.options().containsKey("out")
                    ? Files.newBufferedWriter(Path.of(args.required("out")), StandardCharsets.UTF_8)
                    : new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
                for (ExampleResult r : results) {
                    out.write(JSON.writeValueAsString(line(data.taskType(), r, multiPart ? examples.get(r.index()).part() : null)));
                    out.write('\n');
                }
            }
            Map<String, Object> summary = summary(data, loaded, results, seconds);
            Scorer.Work work = scorer.workDone();
            summary.put("body_tokens", work.bodyTokens());
            summary.put("lm_eval_tokens", work.lmEvalTokens());
            System.err.println(JSON.writeValueAsString(summary));
        }
        return 0;
    }

    static Map<String, Object> line(TaskType type, ExampleResult r, String part) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("index", r.index());
        if (part != null) {
            line.put("part", part);
        }
        if (!r.ok()) {
            line.put("error", r.error());
            return line;
        }
        switch (type) {
            case SEQUENCE_PROB -> {
                line.put("loss", r.loss());
                line.put("token_count", r.tokenCount());
            }
            case LOGODDS, ABSOLUTE_LOGODDS -> {
                line.put("logodds_difference", r.logoddsDifference());
                line.put("correct", r.correct());
                line.put("class_logprobs", r.classLogprobs());
                line.put("other_class_logprobs", r.otherClassLogprobs());
                line.put("class_token_counts", r.classTokenCounts());
            }
            default -> {
                line.put("class_logprobs", r.classLogprobs());
                line.put("class_token_counts", r.classTokenCounts());
                line.put("loss", r.loss());
                line.put("correct", r.correct());
                line.put("predicted", r.predicted());
                line.put("total_logprob", r.totalLogprob());
            }
        }
        line.put("truncated", r.truncated());
        line.put("prefix_mismatch", r.prefixMismatch());
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
