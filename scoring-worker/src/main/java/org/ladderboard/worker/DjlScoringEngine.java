package org.ladderboard.worker;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.LoadedModel;
import org.ladderboard.engine.model.ComputeDevice;
import org.ladderboard.engine.scoring.Evaluator;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.engine.scoring.Scorer;
import org.ladderboard.tokenizer.ModelTokenizer;
import org.ladderboard.ladder.Ladder;

/** The engine on DJL/PyTorch, holding one model: loading is paid once per run of jobs on the same rung. */
public final class DjlScoringEngine implements ScoringEngine {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DjlScoringEngine.class);

    private final Path checkpointRoot;
    private final String defaultDevice;
    /** null: the engine's measured default for the model's device. */
    private final Integer tokenBudget;
    private String loadedRung;
    private CausalLanguageModel model;
    private ModelTokenizer tokenizer;
    private double lastLoadSeconds;

    /** {@code checkpointRoot} resolves relative checkpoint paths; {@code defaultDevice} is {@code cpu} or {@code gpu}. */
    public DjlScoringEngine(Path checkpointRoot, String defaultDevice, Integer tokenBudget) {
        this.checkpointRoot = checkpointRoot;
        this.defaultDevice = defaultDevice;
        this.tokenBudget = tokenBudget;
    }

    @Override
    public List<ExampleResult> score(Ladder.Rung rung, TaskType taskType, List<Example> examples, BooleanSupplier cancelled)
            throws Exception {
        load(rung);
        int budget = tokenBudget != null ? tokenBudget : Scorer.defaultTokenBudget(model.manager().getDevice());
        return Evaluator.evaluate(new Scorer(model, tokenizer, budget), taskType, examples, cancelled);
    }

    private void load(Ladder.Rung rung) throws Exception {
        String key = rung.name() + "@" + rung.checkpoint();
        if (key.equals(loadedRung)) {
            lastLoadSeconds = 0;
            return;
        }
        close();
        // an unknown device, or a GPU asked for where none is visible, fails the load: never a quiet CPU run
        LoadedModel loaded = LoadedModel.open(checkpointRoot.resolve(rung.checkpoint()),
                rung.device() == null ? defaultDevice : rung.device());
        model = loaded.model();
        tokenizer = loaded.tokenizer();
        loadedRung = key;
        lastLoadSeconds = loaded.loadSeconds();
    }

    /** Loads the engine, refuses a GPU default it cannot honour, and says what really computes. */
    @Override
    public void warmUp() {
        log.info("Scoring with {}", ComputeDevice.describe(ComputeDevice.of(defaultDevice)));
    }

    @Override
    public double lastLoadSeconds() {
        return lastLoadSeconds;
    }

    @Override
    public void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
        if (model != null) {
            model.close();
        }
        model = null;
        tokenizer = null;
        loadedRung = null;
    }
}
