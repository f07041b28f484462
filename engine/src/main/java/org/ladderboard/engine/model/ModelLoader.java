package org.ladderboard.engine.model;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.ladderboard.checkpoint.ModelConfig;
import org.ladderboard.checkpoint.UnsupportedModelException;
import org.ladderboard.engine.checkpoint.Weights;
import org.ladderboard.ladder.Architectures;

/**
 * Opens a Hugging Face checkpoint directory as users download it ({@code config.json}, safetensors weights) on a
 * device. On CPU everything computes in float32; on a GPU F16 checkpoints compute in float16 and the rest in float32
 * (see {@link #gpuComputeType}); norms and log-softmax are float32 everywhere.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    public static CausalLanguageModel load(Path dir, Device device) throws IOException {
        return load(dir, device, device.isGpu() ? gpuType(dir) : DataType.FLOAT32);
    }

    /** As {@link #load(Path, Device)}, computing in {@code type}: lets the GPU's reduced-precision path run on a CPU. */
    public static CausalLanguageModel load(Path dir, Device device, DataType type) throws IOException {
        ModelConfig config = ModelConfig.read(dir);
        NDManager manager = NDManager.newBaseManager(device);
        try {
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
            return gpuComputeType(weights.storedDtype());
        }
    }

    /**
     * F16 checkpoints compute in float16 on a GPU; BF16 ones in float32, because DJL 0.35.1's JNI has no bfloat16:
     * converting any array to it ends the JVM ("terminate called without an active exception", seen on the CPU
     * build), and float16 cannot hold bfloat16's range.
     */
    static DataType gpuComputeType(String storedDtype) {
        return "F16".equals(storedDtype) ? DataType.FLOAT16 : DataType.FLOAT32;
    }
}
