package org.ladderboard.app.ladder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ladders come from (docs/ladders.md): {@code ladderboard.ladders-file} (env {@code LADDERBOARD_LADDERS}),
 * the same file every standalone worker reads; relative checkpoint paths start from
 * {@code ladderboard.checkpoint-root} (env {@code LADDERBOARD_CHECKPOINT_ROOT}), by default the file's directory.
 * With no file, a build that carries the demo ladder (the one-command jar) unpacks it into
 * {@code ladderboard.bundled-ladders-dir} and uses that.
 */
@ConfigurationProperties(prefix = "ladderboard")
public record LadderProperties(String laddersFile, String checkpointRoot, String bundledLaddersDir) {

    public LadderProperties {
        laddersFile = blankToNull(laddersFile);
        checkpointRoot = blankToNull(checkpointRoot);
        bundledLaddersDir = bundledLaddersDir == null || bundledLaddersDir.isBlank() ? "data/ladders" : bundledLaddersDir;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
