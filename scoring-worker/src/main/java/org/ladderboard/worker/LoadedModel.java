package org.ladderboard.worker;

import java.io.IOException;
import java.nio.file.Path;

import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.ComputeDevice;
import org.ladderboard.engine.model.ModelLoader;
import org.ladderboard.engine.tokenizer.ModelTokenizer;

/** {@code --model DIR [--device cpu|gpu]}: a checkpoint and its tokenizer, loaded once. */
record LoadedModel(CausalLanguageModel model, ModelTokenizer tokenizer, double loadSeconds) implements AutoCloseable {

    static LoadedModel open(CommandLine args) throws IOException {
        Path dir = Path.of(args.required("model"));
        String device = args.options().getOrDefault("device", "cpu");
        long start = System.nanoTime();
        CausalLanguageModel model = ModelLoader.load(dir, ComputeDevice.of(device));
        ModelTokenizer tokenizer = ModelTokenizer.open(dir);
        return new LoadedModel(model, tokenizer, (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
