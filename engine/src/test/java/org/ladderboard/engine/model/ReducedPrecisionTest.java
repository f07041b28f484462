package org.ladderboard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.ladderboard.engine.Fixtures;
import org.ladderboard.engine.ForwardPassTestAccess;
import tools.jackson.databind.JsonNode;

/**
 * The GPU's code path, run on the CPU where libtorch can: the body in float16, norms and log-softmax in
 * float32 (bfloat16 cannot run at all, see {@link ModelLoader#gpuComputeType}). Reduced precision moves log-probs by far more than float32's 1e-4, so this checks the path runs end to
 * end and stays near the reference, not that it is exact. And a GPU asked for where none is visible is refused.
 */
class ReducedPrecisionTest {

    @Test
    void theFloat16BodyRunsOnTheCpuNearTheReference() throws Exception {
        DataType type = DataType.FLOAT16;
        String dtype = "float16";
        for (String name : java.util.List.of("pythia-tiny-random", "gpt2-tiny-random", "llama-gqa-tiny-random")) {
            try (CausalLanguageModel model = ModelLoader.load(Fixtures.model(name), Device.cpu(), type)) {
                assertThat(model.computeType()).isEqualTo(type);
                JsonNode sequence = Fixtures.expected(name, "forward.json").get("sequences").get(0);
                long[] ids = sequence.get("input_ids").valueStream().mapToLong(JsonNode::asLong).toArray();
                double[] got = ForwardPassTestAccess.nextTokenLogprobs(model, ids);
                double[] expected = sequence.get("next_token_logprob").valueStream().mapToDouble(JsonNode::asDouble).toArray();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(got[i]).as("%s %s position %d", name, dtype, i).isCloseTo(expected[i], within(0.5));
                }
            }
        }
    }

    @Test
    void onAGpuF16ComputesInFloat16AndBf16InFloat32BecauseTheEngineHasNoBfloat16() {
        assertThat(ModelLoader.gpuComputeType("F16")).isEqualTo(DataType.FLOAT16);
        assertThat(ModelLoader.gpuComputeType("BF16")).isEqualTo(DataType.FLOAT32);
        assertThat(ModelLoader.gpuComputeType("F32")).isEqualTo(DataType.FLOAT32);
    }

    @Test
    void aGpuThatIsNotThereIsRefusedNotReplacedByTheCpu() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "this machine has a GPU");
        assertThatThrownBy(() -> ComputeDevice.of("gpu")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sees no GPU").hasMessageContaining("libtorch flavour cpu");
        assertThat(ComputeDevice.describe(ComputeDevice.of("cpu"))).contains("PyTorch 2.7.1").contains("computing on cpu()");
    }
}
