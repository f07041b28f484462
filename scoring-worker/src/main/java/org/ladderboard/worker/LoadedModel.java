package org.ladderboard.worker;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.ModelLoader;
import org.ladderboard.engine.tokenizer.ModelTokenizer;

/** {@code --model DIR [--device cpu|gpu]}: a checkpoint and its tokenizer, loaded once. */
record LoadedModel(CausalLanguageModel model, ModelTokenizer tokenizer, double loadSeconds) implements AutoCloseable {

    static LoadedModel open(CommandLine args) throws IOException {
        Path dir = Path.of(args.required("model"));
        String device = args.options().getOrDefault("device", "cpu");
        long start = System.nanoTime();
        CausalLanguageModel model = ModelLoader.load(dir, switch (device) {
            case "cpu" -> Device.cpu();
            case "gpu" -> Device.gpu();
            default -> throw new IllegalArgumentException("--device is cpu or gpu, not '" + device + "'");
        });
        ModelTokenizer tokenizer = ModelTokenizer.open(dir);
        return new LoadedModel(model, tokenizer, (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
