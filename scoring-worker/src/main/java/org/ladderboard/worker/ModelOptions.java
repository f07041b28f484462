package org.ladderboard.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;

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

    @Option(names = "--batch-tokens", paramLabel = "N", split = ",",
            description = "tokens per forward batch (default: the engine's measured default for the device, "
                    + Scorer.DEFAULT_TOKEN_BUDGET + " on a CPU); bench takes a list, e.g. 1024,2048")
    List<Integer> batchTokens;

    LoadedModel open() throws IOException {
        return LoadedModel.open(model, device);
    }

    /** The token budget a single run uses: the first one given, else the device's default. */
    int batchTokens(Device on) {
        return budgets(on)[0];
    }

    /** Every budget given (bench compares them), else the device's default. */
    int[] budgets(Device on) {
        return batchTokens == null || batchTokens.isEmpty()
                ? new int[] {Scorer.defaultTokenBudget(on)}
                : batchTokens.stream().mapToInt(Integer::intValue).toArray();
    }
}
