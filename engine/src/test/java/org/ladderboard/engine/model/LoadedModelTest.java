package org.ladderboard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.ladderboard.engine.Fixtures;

/** Loading never falls back quietly: an unknown device, or a GPU where none is visible, is an error. */
class LoadedModelTest {

    @Test
    void anUnknownDeviceIsAnErrorNotTheCpu() {
        assertThatThrownBy(() -> LoadedModel.open(Fixtures.model("stories260K-hf"), "cuda"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu or gpu, not 'cuda'");
        assertThatThrownBy(() -> LoadedModel.open(Fixtures.model("stories260K-hf"), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGpuThatIsNotThereIsAnErrorNotTheCpu() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "this machine has a GPU");
        assertThatThrownBy(() -> LoadedModel.open(Fixtures.model("stories260K-hf"), "gpu"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sees no GPU");
    }

    @Test
    void theCpuLoadsTheModelAndItsTokenizerTogether() throws Exception {
        try (LoadedModel loaded = LoadedModel.open(Fixtures.model("stories260K-hf"), "cpu")) {
            assertThat(loaded.model().manager().getDevice().isGpu()).isFalse();
            assertThat(loaded.tokenizer().encode("Once upon a time")).isNotEmpty();
        }
    }
}
