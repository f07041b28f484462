package org.ladderboard.app.ladder;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The model ladders a round can be scored on, from {@code ladderboard.ladders} in the configuration. The web app
 * needs names, order and scale (to enqueue and plot); the worker also reads the checkpoint paths.
 */
@ConfigurationProperties(prefix = "ladderboard")
public record LadderProperties(List<Ladder> ladders) {

    public LadderProperties {
        ladders = ladders == null ? List.of() : List.copyOf(ladders);
    }

    /** One family of models of increasing size (or one model's training checkpoints). */
    public record Ladder(String name, String family, String xAxis, String description, List<Model> models) {
        public Ladder {
            models = models == null ? List.of() : List.copyOf(models);
            xAxis = xAxis == null ? "parameters" : xAxis;
            description = description == null ? "" : description;
        }
    }

    /** One rung. {@code trainingTokens} gives training FLOPs = 6·N·D for the FLOPs axis. */
    public record Model(String name, long parameters, Long trainingTokens, String checkpoint) {
    }
}
