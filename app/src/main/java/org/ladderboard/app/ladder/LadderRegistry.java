package org.ladderboard.app.ladder;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ladderboard.ladder.Ladder;
import org.ladderboard.ladder.LadderFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The configured ladders, each with its rungs ordered from smallest to largest, read once at startup from the
 * ladders file (see {@link LadderProperties}) by the same reader the workers use. A file that is named but cannot
 * be read stops the app.
 */
@Component
public class LadderRegistry {

    private static final Logger log = LoggerFactory.getLogger(LadderRegistry.class);

    private final LadderFile file;

    public LadderRegistry(LadderProperties properties) {
        Path root = properties.checkpointRoot() == null ? null : Path.of(properties.checkpointRoot());
        Optional<Path> path = properties.laddersFile() != null
                ? Optional.of(Path.of(properties.laddersFile()))
                : BundledLadders.unpack(Path.of(properties.bundledLaddersDir()));
        this.file = path.map(p -> LadderFile.read(p, root)).orElse(null);
        if (file == null) {
            log.warn("No ladders configured: set LADDERBOARD_LADDERS to a ladders file (docs/ladders.md); rounds cannot be scored");
        } else {
            log.info("Ladders from {} (checkpoints under {})", file.file(), file.checkpointRoot());
        }
    }

    public List<Ladder> all() {
        return file == null ? List.of() : file.ladders();
    }

    public Optional<Ladder> find(String name) {
        return all().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The ladders file as read, or empty when none is configured. */
    public Optional<LadderFile> file() {
        return Optional.ofNullable(file);
    }

    /** Where a rung's checkpoint directory is. */
    public Path checkpoint(Ladder.Rung rung) {
        return file.checkpoint(rung);
    }

    /** The bundled probe datasets beside the ladders file ({@code probes/}), where the demo finds them. */
    public Optional<Path> probes() {
        return file().map(f -> f.file().getParent().resolve("probes"));
    }
}
