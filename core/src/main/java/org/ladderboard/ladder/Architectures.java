package org.ladderboard.ladder;

import java.util.List;

/**
 * The {@code model_type}s of {@code config.json} the engine has a model file for. The ladder check at startup and
 * the engine's loader both read this list.
 */
public final class Architectures {

    public static final List<String> MODEL_TYPES = List.of("gpt2", "gpt_neox", "llama", "qwen2", "mistral");

    private Architectures() {
    }

    public static boolean supported(String modelType) {
        return MODEL_TYPES.contains(modelType);
    }
}
