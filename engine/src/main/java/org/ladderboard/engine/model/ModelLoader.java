package org.ladderboard.engine.model;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.ladderboard.engine.checkpoint.ModelConfig;
import org.ladderboard.engine.checkpoint.UnsupportedModelException;
import org.ladderboard.engine.checkpoint.Weights;
import org.ladderboard.ladder.Architectures;

/**
 * Opens a Hugging Face checkpoint directory as users download it ({@code config.json}, safetensors weights) on a
 * device. On CPU everything computes in float32; on a GPU in the checkpoint's own dtype (BF16 checkpoints compute
 * in BF16 when the engine can hold it, else float32).
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    public static CausalLanguageModel load(Path dir, Device device) throws IOException {
        ModelConfig config = ModelConfig.read(dir);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            DataType type = device.isGpu() ? gpuType(dir) : DataType.FLOAT32;
            try (Weights weights = new Weights(dir, manager, type)) {
                return switch (config.modelType()) {
                    case "gpt2" -> new Gpt2(config, weights, manager, type);
                    case "gpt_neox" -> new GptNeox(config, weights, manager, type);
                    case "llama", "qwen2", "mistral" -> new Llama(config, weights, manager, type);
                    default -> throw new UnsupportedModelException("model_type '" + config.modelType()
                            + "' is not supported (" + String.join(", ", Architectures.MODEL_TYPES) + " are)");
                };
            }
        } catch (RuntimeException | IOException e) {
            manager.close();
            throw e;
        }
    }

    private static DataType gpuType(Path dir) throws IOException {
        try (NDManager probe = NDManager.newBaseManager(Device.cpu());
             Weights weights = new Weights(dir, probe, DataType.FLOAT32)) {
            return switch (weights.storedDtype()) {
                case "F16" -> DataType.FLOAT16;
                case "BF16" -> DataType.BFLOAT16;
                default -> DataType.FLOAT32;
            };
        }
    }
}
