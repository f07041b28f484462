package org.ladderboard.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.ladder.Architectures;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.ladder.LadderFile;

/**
 * Checks at startup that every rung's checkpoint directory is there and usable (config, weights, tokenizer), so a
 * broken ladder is reported before a contestant's job fails on it.
 */
public final class LadderCheck {

    /** What is wrong with one rung. */
    public record Problem(String ladder, String rung, String message) {
        @Override
        public String toString() {
            return ladder + "/" + rung + ": " + message;
        }
    }

    private LadderCheck() {
    }

    public static List<Problem> check(LadderFile file) {
        List<Problem> problems = new ArrayList<>();
        for (Ladder ladder : file.ladders()) {
            if (ladder.rungs().isEmpty()) {
                problems.add(new Problem(ladder.name(), "-", "the ladder has no models"));
            }
            for (Ladder.Rung rung : ladder.rungs()) {
                String problem = checkRung(file.checkpoint(rung));
                if (problem != null) {
                    problems.add(new Problem(ladder.name(), rung.name(), problem));
                }
            }
        }
        return problems;
    }

    private static String checkRung(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "checkpoint directory " + dir + " does not exist";
        }
        if (!Files.exists(dir.resolve("model.safetensors")) && !Files.exists(dir.resolve("model.safetensors.index.json"))) {
            return dir + " has no model.safetensors or model.safetensors.index.json";
        }
        try {
            String type = ModelConfig.read(dir).modelType();
            if (!Architectures.supported(type)) {
                return "model_type '" + type + "' is not supported (" + String.join(", ", Architectures.MODEL_TYPES) + " are)";
            }
        } catch (Exception e) {
            return "config.json cannot be read: " + e.getMessage();
        }
        try (ModelTokenizer tokenizer = ModelTokenizer.open(dir)) {
            tokenizer.encode("check");
        } catch (Exception e) {
            return "tokenizer.json cannot be loaded: " + e.getMessage();
        }
        return null;
    }
}
