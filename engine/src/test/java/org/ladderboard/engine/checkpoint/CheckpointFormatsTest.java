package org.ladderboard.engine.checkpoint;

import org.ladderboard.checkpoint.UnsupportedModelException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ladderboard.engine.Fixtures;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.ModelLoader;
import tools.jackson.databind.node.ObjectNode;

/** Sharded checkpoints load like single-file ones; settings the engine does not implement are refused by name. */
class CheckpointFormatsTest {

    private static final long[] IDS = {1, 403, 407, 261, 378, 432, 383};

    private static double[] logprobs(Path dir) throws IOException {
        try (CausalLanguageModel model = ModelLoader.load(dir, Device.cpu())) {
            return org.ladderboard.engine.ForwardPassTestAccess.nextTokenLogprobs(model, IDS);
        }
    }

    /** A copy of a fixture whose tensors are split over two shards named by model.safetensors.index.json. */
    private static Path sharded(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        for (String file : List.of("config.json", "tokenizer.json", "tokenizer_config.json")) {
            Files.copy(source.resolve(file), target.resolve(file));
        }
        try (SafetensorsFile whole = new SafetensorsFile(source.resolve("model.safetensors"))) {
            List<String> names = new ArrayList<>(whole.entries().keySet());
            Map<String, String> weightMap = new LinkedHashMap<>();
            for (int shard = 0; shard < 2; shard++) {
                String file = "model-0000" + (shard + 1) + "-of-00002.safetensors";
                List<String> mine = names.subList(shard == 0 ? 0 : names.size() / 2, shard == 0 ? names.size() / 2 : names.size());
                writeShard(whole, mine, target.resolve(file));
                mine.forEach(n -> weightMap.put(n, file));
            }
            ObjectNode index = Fixtures.JSON.createObjectNode();
            index.putObject("metadata");
            ObjectNode map = index.putObject("weight_map");
            weightMap.forEach(map::put);
            Files.writeString(target.resolve("model.safetensors.index.json"), index.toString());
        }
        return target;
    }

    private static void writeShard(SafetensorsFile whole, List<String> names, Path out) throws IOException {
        ObjectNode header = Fixtures.JSON.createObjectNode();
        long offset = 0;
        List<ByteBuffer> data = new ArrayList<>();
        for (String name : names) {
            SafetensorsFile.Entry e = whole.entries().get(name);
            ObjectNode t = header.putObject(name);
            t.put("dtype", e.dtype());
            var shape = t.putArray("shape");
            for (long d : e.shape()) {
                shape.add(d);
            }
            long size = e.end() - e.start();
            t.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
            data.add(whole.map(e));
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream os = Files.newOutputStream(out)) {
            os.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            os.write(json);
            for (ByteBuffer b : data) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                os.write(bytes);
            }
        }
    }

    @Test
    void aShardedCheckpointGivesTheSameNumbers(@TempDir Path tmp) throws IOException {
        Path source = Fixtures.model("stories260K-hf");
        double[] single = logprobs(source);
        double[] shards = logprobs(sharded(source, tmp.resolve("sharded")));
        for (int i = 0; i < single.length; i++) {
            assertThat(shards[i]).isCloseTo(single[i], within(1e-7));
        }
    }

    private static Path withConfig(Path tmp, String field, String json) throws IOException {
        Path dir = tmp.resolve("edited");
        Files.createDirectories(dir);
        Path source = Fixtures.model("stories260K-hf");
        for (String file : List.of("model.safetensors", "tokenizer.json", "tokenizer_config.json")) {
            Files.copy(source.resolve(file), dir.resolve(file));
        }
        ObjectNode config = (ObjectNode) Fixtures.JSON.readTree(source.resolve("config.json").toFile());
        config.set(field, Fixtures.JSON.readTree(json));
        Files.writeString(dir.resolve("config.json"), config.toString());
        return dir;
    }

    @Test
    void ropeScalingIsRefusedNotGuessed(@TempDir Path tmp) throws IOException {
        Path dir = withConfig(tmp, "rope_scaling", "{\"type\": \"linear\", \"factor\": 2.0}");
        assertThatThrownBy(() -> ModelLoader.load(dir, Device.cpu()))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("rope_scaling");
    }

    @Test
    void unknownArchitecturesAndActivationsAreRefused(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> ModelLoader.load(withConfig(tmp.resolve("a"), "model_type", "\"falcon\""), Device.cpu()))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("falcon");
        assertThatThrownBy(() -> ModelLoader.load(withConfig(tmp.resolve("b"), "hidden_act", "\"gelu\""), Device.cpu()))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("hidden_act");
    }

    @Test
    void ropeThetaInsideRopeParametersIsRead(@TempDir Path tmp) throws IOException {
        double[] topLevel = logprobs(Fixtures.model("stories260K-hf"));
        double[] nested = logprobs(withConfig(tmp, "rope_parameters", "{\"rope_type\": \"default\", \"rope_theta\": 10000.0}"));
        for (int i = 0; i < topLevel.length; i++) {
            assertThat(nested[i]).isCloseTo(topLevel[i], within(1e-7));
        }
        double[] otherTheta = logprobs(withConfig(tmp.resolve("x"), "rope_parameters", "{\"rope_theta\": 500.0}"));
        assertThat(otherTheta).isNotEqualTo(topLevel);
    }
}
