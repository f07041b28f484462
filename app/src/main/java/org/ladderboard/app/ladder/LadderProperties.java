package org.ladderboard.app.ladder;

import java.nio.file.Path;
import java.util.List;

import org.ladderboard.ladder.Ladder;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The model ladders rounds can be scored on, from {@code ladderboard.ladders}, and the directory relative checkpoint
 * paths start from ({@code ladderboard.checkpoint-root}, default the working directory). A standalone worker reads
 * the same YAML (docs/ladders.md).
 */
@ConfigurationProperties(prefix = "ladderboard")
public record LadderProperties(List<Ladder> ladders, String checkpointRoot) {

    public LadderProperties {
        ladders = ladders == null ? List.of() : List.copyOf(ladders);
        checkpointRoot = checkpointRoot == null ? "." : checkpointRoot;
    }

    public Path checkpointRootPath() {
        return Path.of(checkpointRoot);
    }
}
