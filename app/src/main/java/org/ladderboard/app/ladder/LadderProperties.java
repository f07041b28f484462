package org.ladderboard.app.ladder;

import java.util.List;

import org.ladderboard.ladder.Ladder;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The model ladders rounds can be scored on, from {@code ladderboard.ladders}. The web app and the embedded worker
 * read the same list; a standalone worker reads the same YAML (docs/ladders.md).
 */
@ConfigurationProperties(prefix = "ladderboard")
public record LadderProperties(List<Ladder> ladders) {

    public LadderProperties {
        ladders = ladders == null ? List.of() : List.copyOf(ladders);
    }
}
