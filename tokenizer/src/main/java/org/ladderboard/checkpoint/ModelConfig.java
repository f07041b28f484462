package org.ladderboard.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checkpoint's {@code config.json}, read strictly: every value an architecture needs is asked for by name, and a
 * missing one is an error that names it. Architectures read their own fields (see each model file).
 */
public final class ModelConfig {

    private final Path dir;
    private final JsonNode json;

    private ModelConfig(Path dir, JsonNode json) {
        this.dir = dir;
        this.json = json;
    }

    public static ModelConfig read(Path dir) throws IOException {
        Path file = dir.resolve("config.json");
        return new ModelConfig(dir, JsonMapper.builder().build().readTree(file.toFile()));
    }

    public Path dir() {
        return dir;
    }

    public String modelType() {
        return string("model_type");
    }

    public String string(String key) {
        return optionalString(key).orElseThrow(() -> missing(key));
    }

    public Optional<String> optionalString(String key) {
        JsonNode node = json.get(key);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    }

    public int integer(String key) {
        return optionalInteger(key).orElseThrow(() -> missing(key));
    }

    public Optional<Integer> optionalInteger(String key) {
        JsonNode node = json.get(key);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asInt());
    }

    public double number(String key) {
        return optionalNumber(key).orElseThrow(() -> missing(key));
    }

    public Optional<Double> optionalNumber(String key) {
        JsonNode node = json.get(key);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asDouble());
    }

    public boolean flag(String key, boolean fallback) {
        JsonNode node = json.get(key);
        return node == null || node.isNull() ? fallback : node.asBoolean();
    }

    /**
     * The longest sequence the model may see: GPT-2's {@code n_positions}, otherwise {@code max_position_embeddings},
     * capped by Mistral's sliding window (a hard limit on what a token sees: we never score past it rather than
     * emulate it).
     */
    public int contextLength() {
        if (modelType().equals("gpt2")) {
            return integer("n_positions");
        }
        int positions = integer("max_position_embeddings");
        boolean sliding = optionalInteger("sliding_window").isPresent()
                && flag("use_sliding_window", modelType().equals("mistral"));
        return sliding ? Math.min(positions, integer("sliding_window")) : positions;
    }

    /**
     * RoPE's base: {@code rope_theta} at the top level (older transformers) or inside {@code rope_parameters}
     * (transformers 5). Any scaling (linear, dynamic, yarn, llama3 …) is refused: it changes every position's angle.
     */
    public double ropeTheta(double fallback) {
        JsonNode parameters = json.get("rope_parameters");
        if (parameters != null && !parameters.isNull()) {
            String type = parameters.has("rope_type") ? parameters.get("rope_type").asString() : "default";
            if (!type.equals("default")) {
                throw new UnsupportedModelException("rope_parameters.rope_type '" + type + "' is not supported");
            }
            if (parameters.has("rope_theta")) {
                return parameters.get("rope_theta").asDouble();
            }
        }
        JsonNode scaling = json.get("rope_scaling");
        if (scaling != null && !scaling.isNull()) {
            throw new UnsupportedModelException("rope_scaling " + scaling + " is not supported");
        }
        return optionalNumber("rope_theta").orElse(fallback);
    }

    private UnsupportedModelException missing(String key) {
        return new UnsupportedModelException(dir.resolve("config.json") + " has no '" + key + "'");
    }
}
