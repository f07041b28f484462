package org.ladderboard.engine.model;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import org.ladderboard.tokenizer.ModelTokenizer;

/**
 * A checkpoint directory's model and its tokenizer, loaded together: the one place the worker, the command line
 * and the benchmarks load a model. The device is {@code cpu} or {@code gpu}; anything else, or {@code gpu} where
 * the engine sees none, is an error, never a quiet run on the CPU.
 */
public record LoadedModel(CausalLanguageModel model, ModelTokenizer tokenizer, double loadSeconds) implements AutoCloseable {

    public static LoadedModel open(Path dir, String device) throws IOException {
        Device on = ComputeDevice.of(device == null ? "" : device);
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

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
