package org.ladderboard.ladder;

import java.util.Comparator;
import java.util.List;

/**
 * A series of models of one family that differ in scale, on which a dataset's scaling curve is drawn. It may also
 * be one model's training checkpoints (x = training tokens), as Pythia publishes them.
 *
 * @param xAxis {@code parameters} (log), {@code flops} (training FLOPs = 6·N·D, log) or {@code tokens} (training
 *              tokens, for a series of checkpoints)
 * @param rungs the models, smallest first
 */
public record Ladder(String name, String family, String xAxis, String description, List<Rung> rungs) {

    public Ladder {
        xAxis = xAxis == null ? "parameters" : xAxis;
        description = description == null ? "" : description;
        rungs = rungs == null ? List.of() : rungs.stream()
                .sorted(Comparator.comparingLong(Rung::parameters)
                        .thenComparingLong(r -> r.trainingTokens() == null ? 0 : r.trainingTokens()))
                .toList();
    }

    /** One model of a ladder and where its Hugging Face checkpoint directory is. */
    public record Rung(String name, long parameters, Long trainingTokens, String checkpoint, String device) {

        /** Training FLOPs, 6·N·D, when the training tokens are known. */
        public Double trainingFlops() {
            return trainingTokens == null ? null : 6.0 * parameters * trainingTokens;
        }
    }
}
