package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class VerdictCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Four models whose loss grows with scale on 400 shared examples: inverse scaling. */
    private static ObjectNode inverseLossCase(long seed) {
        Random random = new Random(seed);
        ObjectNode c = JSON.createObjectNode();
        ArrayNode x = c.putArray("x");
        ArrayNode scores = c.putArray("scores");
        double[] difficulty = new double[400];
        for (int i = 0; i < difficulty.length; i++) {
            difficulty[i] = 2 + random.nextGaussian();
        }
        for (int m = 0; m < 4; m++) {
            x.add(7 + m * 0.5);
            ArrayNode model = scores.addArray();
            for (double d : difficulty) {
                model.add(d + 0.3 * m + 0.2 * random.nextGaussian());
            }
        }
        c.put("higher_is_better", false);
        c.put("seed", seed);
        return c;
    }

    @Test
    void oneCaseGivesOneVerdictAndAnArrayGivesAnArray(@TempDir Path tmp) throws Exception {
        Path one = tmp.resolve("one.json");
        Files.writeString(one, inverseLossCase(1).toString());
        Path out = tmp.resolve("verdict.json");
        assertThat(WorkerCommand.execute("verdict", "--in", one.toString(), "--out", out.toString())).isZero();
        JsonNode verdict = JSON.readTree(out.toFile());
        assertThat(verdict.get("verdict").asString()).isEqualTo("inverse");
        assertThat(verdict.get("strength").asString()).isEqualTo("strict");
        assertThat(verdict.get("beta").asDouble()).isNegative();
        assertThat(verdict.get("beta_interval")).hasSize(2);
        assertThat(verdict.get("p_beta_negative").asDouble()).isEqualTo(1.0);
        assertThat(verdict.get("p_models_differ").asDouble()).isLessThan(0.01);

        ArrayNode many = JSON.createArrayNode().add(inverseLossCase(2)).add(inverseLossCase(3));
        Path array = tmp.resolve("many.json");
        Files.writeString(array, many.toString());
        Path outs = tmp.resolve("verdicts.json");
        WorkerCommand.execute("verdict", "--in", array.toString(), "--out", outs.toString());
        JsonNode verdicts = JSON.readTree(outs.toFile());
        assertThat(verdicts.isArray()).isTrue();
        assertThat(verdicts).hasSize(2);
        // same input, same output
        WorkerCommand.execute("verdict", "--in", array.toString(), "--out", tmp.resolve("again.json").toString());
        assertThat(Files.readString(tmp.resolve("again.json"))).isEqualTo(Files.readString(outs));
    }

    /**
     * The example the docs point to (docs/examples/case.json) runs as shipped: a 320-row task whose loss
     * goes 1.727, 2.264, 1.496, 2.334 up the micro ladder. The largest model is the worst, so it is inverse scaling,
     * approximately monotonic, and no turning shape.
     */
    @Test
    void theDocumentedExampleCaseRuns(@TempDir Path tmp) throws Exception {
        Path example = Path.of("..", "docs", "examples", "case.json");
        assertThat(example).exists();
        Path out = tmp.resolve("verdict.json");
        assertThat(WorkerCommand.execute("verdict", "--in", example.toString(), "--out", out.toString())).isZero();
        JsonNode verdict = JSON.readTree(out.toFile());
        assertThat(verdict.get("verdict").asString()).isEqualTo("inverse");
        assertThat(verdict.get("strength").asString()).isEqualTo("approximate");
        assertThat(verdict.get("turning_model").isNull()).isTrue();
        assertThat(verdict.get("examples").asInt()).isEqualTo(320);
        assertThat(verdict.get("means").get(3).asDouble()).isEqualTo(-2.334, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** Models listed largest first are put in order of scale: the verdict does not depend on how the file lists them. */
    @Test
    void modelsAreTakenInOrderOfScaleWhateverOrderTheFileListsThem(@TempDir Path tmp) throws Exception {
        ObjectNode ordered = inverseLossCase(4);
        ObjectNode reversed = ordered.deepCopy();
        ArrayNode x = reversed.putArray("x");
        ArrayNode scores = reversed.putArray("scores");
        for (int m = ordered.get("x").size() - 1; m >= 0; m--) {
            x.add(ordered.get("x").get(m));
            scores.add(ordered.get("scores").get(m));
        }
        Path in = tmp.resolve("reversed.json");
        Files.writeString(in, reversed.toString());
        Path out = tmp.resolve("verdict.json");
        assertThat(WorkerCommand.execute("verdict", "--in", in.toString(), "--out", out.toString())).isZero();
        JsonNode verdict = JSON.readTree(out.toFile());
        assertThat(verdict.get("verdict").asString()).isEqualTo("inverse");
        assertThat(verdict.get("x").get(0).asDouble()).isEqualTo(7.0);
        // the input position of each model, smallest first
        assertThat(verdict.get("model_order").toString()).isEqualTo("[3,2,1,0]");
    }
}
