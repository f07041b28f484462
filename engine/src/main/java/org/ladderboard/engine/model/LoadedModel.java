package org.ladderboard.engine.model;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.ladderboard.engine.tokenizer.ModelTokenizer;

/**
 * A checkpoint directory's model and its tokenizer, loaded together: the one place the worker, the command line
 * and the benchmarks load a model. The device is {@code cpu} or {@code gpu}; anything else, or {@code gpu} where
 * the engine sees none, is an error, never a quiet run on the CPU.
 */
public record LoadedModel(CausalLanguageModel model, ModelTokenizer tokenizer, double loadSeconds) implements AutoCloseable {

    public static LoadedModel open(Path dir, String device) throws IOException {
        Device on = device(device);
        long start = System.nanoTime();
        CausalLanguageModel model = ModelLoader.load(dir, on);
        try {
            ModelTokenizer tokenizer = ModelTokenizer.open(dir);
            return new LoadedModel(model, tokenizer, (System.nanoTime() - start) / 1e9);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** {@code cpu} or {@code gpu} (the first GPU), refused when unknown or when no GPU is visible. */
    public static Device device(String name) {
        return switch (name == null ? "" : name) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (Engine.getEngine("PyTorch").getGpuCount() == 0) {
                    throw new IllegalArgumentException("device 'gpu' was asked for but PyTorch sees no GPU"
                            + " (check PYTORCH_LIBRARY_PATH and PYTORCH_FLAVOR, docs/running.md)");
                }
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("the device is cpu or gpu, not '" + name + "'");
        };
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
