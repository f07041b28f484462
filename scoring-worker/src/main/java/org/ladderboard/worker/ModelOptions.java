package org.ladderboard.worker;

import java.io.IOException;
import java.nio.file.Path;

import org.ladderboard.engine.model.LoadedModel;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.scoring.WorkerDefaults;
import picocli.CommandLine.Option;

/** {@code --model DIR [--device cpu|gpu] [--batch-tokens N]}, shared by the commands that run a model. */
final class ModelOptions {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "a Hugging Face checkpoint directory (config.json, safetensors, tokenizer.json)")
    Path model;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = WorkerDefaults.DEVICE,
            description = "where to compute (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--batch-tokens", paramLabel = "N", defaultValue = "" + Scorer.DEFAULT_TOKEN_BUDGET,
            description = "tokens per forward batch (default ${DEFAULT-VALUE})")
    int batchTokens;

    LoadedModel open() throws IOException {
        return LoadedModel.open(model, device);
    }
}
