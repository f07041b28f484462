package org.ladderboard.app.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.dataset.Sha256;
import org.ladderboard.checkpoint.ModelConfig;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.tokenizer.TokenizerCheck;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.validation.ExampleCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The upload rules that need a round's ladders: one {@link TokenizerCheck} per distinct (tokenizer, context length),
 * since the rungs of a ladder usually share a tokenizer and checking it once per rung would only repeat the same
 * warnings. Tokenizers are loaded once and kept.
 */
@Component
public class TokenizerChecks {

    private static final Logger log = LoggerFactory.getLogger(TokenizerChecks.class);

    private final LadderRegistry ladders;
    private final Map<String, ModelTokenizer> tokenizers = new ConcurrentHashMap<>();

    public TokenizerChecks(LadderRegistry ladders) {
        this.ladders = ladders;
    }

    /**
     * The checks for these ladders; a ladder the uploader may not see ({@code shown}) is checked like any other, but
     * its findings name {@value VisibleLadders#PRIVATE_MODEL}, not its models.
     */
    public List<ExampleCheck> forLadders(Iterable<String> ladderNames, VisibleLadders shown) {
        Map<String, List<String>> modelsByKey = new LinkedHashMap<>();
        Map<String, Path> dirByKey = new LinkedHashMap<>();
        Map<String, Integer> contextByKey = new LinkedHashMap<>();
        for (String name : ladderNames) {
            for (Ladder.Rung rung : ladders.find(name).map(Ladder::rungs).orElse(List.of())) {
                Path dir = ladders.checkpoint(rung);
                try {
                    int context = ModelConfig.read(dir).contextLength();
                    String key = Sha256.hex(Files.readAllBytes(dir.resolve("tokenizer.json"))) + "@" + context;
                    String label = shown.shows(name) ? name + "/" + rung.name() : VisibleLadders.PRIVATE_MODEL;
                    List<String> labels = modelsByKey.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!labels.contains(label)) {
                        labels.add(label);
                    }
                    dirByKey.putIfAbsent(key, dir);
                    contextByKey.putIfAbsent(key, context);
                } catch (IOException | RuntimeException e) {
                    log.warn("No tokenizer check for {}/{}: {}", name, rung.name(), e.getMessage());
                }
            }
        }
        List<ExampleCheck> checks = new ArrayList<>();
        for (String key : modelsByKey.keySet()) {
            ModelTokenizer tokenizer = tokenizers.computeIfAbsent(key, k -> open(dirByKey.get(k)));
            List<String> models = modelsByKey.get(key);
            String label = models.size() == 1 ? models.get(0) : String.join(", ", models);
            checks.add(new TokenizerCheck(label, tokenizer, contextByKey.get(key)));
        }
        return checks;
    }

    private static ModelTokenizer open(Path dir) {
        try {
            return ModelTokenizer.open(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the tokenizer in " + dir, e);
        }
    }
}
