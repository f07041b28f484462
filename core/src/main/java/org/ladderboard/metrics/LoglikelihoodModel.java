package org.ladderboard.metrics;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a task needs from a language model, and all it needs: log-likelihoods of continuations given contexts. Texts
 * cross this boundary, tensors do not; the model tokenizes, batches, and shares work as it likes.
 */
public interface LoglikelihoodModel {

    /**
     * Answers every request; answer i belongs to request i. Checks {@code cancelled} between units of work and
     * throws {@link java.util.concurrent.CancellationException} when it answers true.
     */
    List<Loglikelihood> loglikelihood(List<LoglikelihoodRequest> requests, BooleanSupplier cancelled);
}
