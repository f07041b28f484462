package org.ladderboard.worker;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.ladder.Ladder;

/** What a worker scores with: one rung's model at a time, kept loaded while its jobs keep coming. */
public interface ScoringEngine extends AutoCloseable {

    /** Scores {@code examples} on {@code rung}, loading it first if another model is loaded. */
    List<ExampleResult> score(Ladder.Rung rung, TaskType taskType, List<Example> examples, BooleanSupplier cancelled)
            throws Exception;

    /**
     * Loads the native engine before the worker takes any job, so a worker killed while starting up (a deploy)
     * never holds a job.
     */
    default void warmUp() {
    }

    /** Seconds the last model load took (0 when the model was already loaded). */
    double lastLoadSeconds();

    @Override
    void close();
}
