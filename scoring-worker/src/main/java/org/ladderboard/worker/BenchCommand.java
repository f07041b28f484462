package org.ladderboard.worker;

import java.util.List;
import java.util.concurrent.Callable;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.LoadedModel;
import org.ladderboard.engine.scoring.ExampleResult;
import org.ladderboard.engine.scoring.NaiveScorer;
import org.ladderboard.engine.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench --model DIR --data FILE [--device cpu|gpu] [--batch-tokens N] [--repeat 3] [--naive-limit N]}: the
 * engine's scoring against the prize pipeline's way (one forward per prompt + class, batch 1, head over every
 * position), measured in the same run on the same examples, so the speed-up is a ratio. Model FLOPs count 2 per
 * weight per token through the body, and 2 per head weight per row through the vocabulary head.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Examples/s, scored tokens/s and FLOP/s of the engine and of the naive way, measured together.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DatasetArgument.Options dataOptions;

    @Option(names = "--repeat", defaultValue = "3", description = "timed runs of the engine (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--naive-limit", paramLabel = "N", description = "examples the naive way scores (default: all)")
    Integer naiveLimit;

    @Override
    public Integer call() throws Exception {
        DatasetArgument data = dataOptions.read();
        if (data.taskType().isLogodds()) {
            throw new IllegalArgumentException("bench measures classification and sequence_prob datasets");
        }
        List<Example> examples = data.parsed().parts().stream().flatMap(p -> p.examples().stream()).toList();
        try (LoadedModel loaded = modelOptions.open()) {
            CausalLanguageModel model = loaded.model();
            System.out.printf("model %s on %s (%s), body %,d weights, head %,d; loaded in %.2f s%n", modelOptions.model,
                    model.manager().getDevice(), model.computeType(), model.parameterCount(), model.headParameterCount(),
                    loaded.loadSeconds());
            System.out.printf("data %s: %d examples (%s)%n", data.path().getFileName(), examples.size(), data.taskType().id());

            int budget = modelOptions.batchTokens;
            new Scorer(model, loaded.tokenizer(), budget).score(data.taskType(), examples.subList(0, Math.min(8, examples.size())));
            Measurement packed = null;
            List<ExampleResult> results = null;
            for (int i = 0; i < repeat; i++) {
                Scorer scorer = new Scorer(model, loaded.tokenizer(), budget);
                long start = System.nanoTime();
                results = scorer.score(data.taskType(), examples);
                Measurement m = new Measurement((System.nanoTime() - start) / 1e9, examples.size(), scorer.workDone(), model);
                packed = packed == null || m.seconds() < packed.seconds() ? m : packed;
            }
            packed.print("engine (packed prompt+classes, token-budget batches, head on scored rows)");

            int naiveCount = Math.min(examples.size(), naiveLimit == null ? examples.size() : naiveLimit);
            List<Example> naiveExamples = examples.subList(0, naiveCount);
            NaiveScorer naive = new NaiveScorer(model, loaded.tokenizer());
            long start = System.nanoTime();
            double[][] naiveLogprobs = naive.classLogprobs(naiveExamples);
            Measurement baseline = new Measurement((System.nanoTime() - start) / 1e9, naiveCount, naive.workDone(), model);
            baseline.print("naive (one forward per prompt+class, batch 1, head everywhere)");

            System.out.printf("speed-up: %.1fx examples/s%n", packed.examplesPerSecond() / baseline.examplesPerSecond());
            System.out.printf("largest |engine − naive| class log-prob: %.2e%n", largestDifference(results, naiveLogprobs, data.taskType()));
        }
        return 0;
    }

    private static double largestDifference(List<ExampleResult> results, double[][] naive, TaskType type) {
        double worst = 0;
        for (int i = 0; i < naive.length; i++) {
            ExampleResult r = results.get(i);
            if (naive[i] == null || !r.ok()) {
                continue;
            }
            double[] engine = type == TaskType.SEQUENCE_PROB ? new double[] {-r.loss()} : r.classLogprobs();
            for (int j = 0; j < engine.length; j++) {
                worst = Math.max(worst, Math.abs(engine[j] - naive[i][j]));
            }
        }
        return worst;
    }

    /** One timed pass: its work counts give scored tokens/s and FLOP/s. */
    private record Measurement(double seconds, int examples, long[] work, CausalLanguageModel model) {

        double examplesPerSecond() {
            return examples / seconds;
        }

        void print(String label) {
            double flops = 2.0 * model.parameterCount() * work[0] + 2.0 * model.headParameterCount() * work[1];
            System.out.printf("%-72s %8.2f s  %9.1f examples/s  %10.0f tokens/s  %8.3f GFLOP/s%n", label, seconds,
                    examplesPerSecond(), work[0] / seconds, flops / seconds / 1e9);
        }
    }
}
