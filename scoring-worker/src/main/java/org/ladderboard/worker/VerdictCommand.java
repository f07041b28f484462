package org.ladderboard.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ladderboard.analysis.ScalingCase;
import org.ladderboard.analysis.TrendVerdict;
import org.ladderboard.analysis.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code verdict --in FILE.json [--out FILE.json]}: the trend-shape verdict for one case
 * {@code {"x": […], "scores": [[…per example…], … per model], "higher_is_better": bool, "seed": int}} or a JSON array
 * of them; one verdict object per case (an array for an array). The same code as the judges' pages.
 */
@Command(name = "verdict", mixinStandardHelpOptions = true,
        description = "The trend-shape verdict of a case {\"x\", \"scores\", \"higher_is_better\", \"seed\"} or an array of them (docs/verdict.md).")
final class VerdictCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "FILE.json", description = "the case, or an array of cases")
    Path in;

    @Option(names = "--out", paramLabel = "FILE.json", description = "where to write the verdicts (default: standard output)")
    Path out;


    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public Integer call() throws Exception {
        JsonNode input = JSON.readTree(in.toFile());
        Object output;
        if (input.isArray()) {
            List<Map<String, Object>> verdicts = new ArrayList<>();
            for (JsonNode c : input) {
                verdicts.add(decide(scalingCase(c)));
            }
            output = verdicts;
        } else {
            output = decide(scalingCase(input));
        }
        String text = JSON.writeValueAsString(output);
        if (out != null) {
            Files.writeString(out, text);
        } else {
            System.out.println(text);
        }
        return 0;
    }

    /** The verdict of a case whose models may be listed in any order: they are put in order of scale first. */
    static Map<String, Object> decide(ScalingCase given) {
        int[] order = given.scaleOrder();
        ScalingCase sorted = given.inScaleOrder();
        Map<String, Object> out = json(TrendVerdict.decide(sorted));
        out.put("x", sorted.x());
        if (!java.util.Arrays.equals(order, java.util.stream.IntStream.range(0, order.length).toArray())) {
            out.put("model_order", order);
        }
        return out;
    }

    static ScalingCase scalingCase(JsonNode c) {
        double[] x = c.required("x").valueStream().mapToDouble(JsonNode::asDouble).toArray();
        JsonNode models = c.required("scores");
        double[][] scores = new double[models.size()][];
        for (int m = 0; m < models.size(); m++) {
            scores[m] = models.get(m).valueStream().mapToDouble(JsonNode::asDouble).toArray();
        }
        return new ScalingCase(x, scores, c.path("higher_is_better").asBoolean(true), c.path("seed").asLong(0));
    }

    static Map<String, Object> json(Verdict v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", v.verdict());
        out.put("strength", v.strength());
        out.put("beta", finite(v.beta()));
        out.put("beta_interval", new Double[] {finite(v.betaInterval()[0]), finite(v.betaInterval()[1])});
        out.put("p_beta_negative", finite(v.pBetaNegative()));
        out.put("p_models_differ", finite(v.pModelsDiffer()));
        out.put("spearman_rho", finite(v.spearman()));
        out.put("means", v.means());
        out.put("mean_intervals", v.meanIntervals());
        out.put("steps", v.steps().stream().map(s -> Map.of("from", s.from(), "to", s.to(), "difference", s.difference(),
                "interval", new double[] {s.low(), s.high()})).toList());
        out.put("drop_best_to_largest", finite(v.dropBestToLargest()));
        out.put("turning_model", v.turningModel());
        out.put("models", v.models());
        out.put("examples", v.examples());
        return out;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
