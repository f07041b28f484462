package org.ladderboard.ladder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one reader of a ladders file (YAML, kebab-case keys, docs/ladders.md): the web app and every worker read the
 * same file with this class. {@code ladders:} at the top, or {@code ladderboard: ladders:} as an older Spring-shaped
 * file has it. Relative checkpoint paths resolve against {@link #checkpointRoot()}: the file's own directory unless
 * a root is given, so the file and its models move together.
 */
public record LadderFile(Path file, List<Ladder> ladders, Path checkpointRoot) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Reads {@code file}. {@code checkpointRoot} may be null: then checkpoints resolve against the file's directory;
     * a root that is given resolves like any path given to a program, against the current directory.
     */
    public static LadderFile read(Path file, Path checkpointRoot) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("the ladders file " + absolute + " does not exist");
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ladders file " + absolute, e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the ladders file " + absolute + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        JsonNode ladders = root.path("ladders");
        if (ladders.isMissingNode()) {
            ladders = root.path("ladderboard").path("ladders");
        }
        if (!ladders.isArray()) {
            throw new IllegalArgumentException(absolute + " has no 'ladders' list");
        }
        List<Ladder> read = ladders.valueStream().map(node -> YAML.treeToValue(node, Ladder.class)).toList();
        Path rootDir = checkpointRoot == null ? absolute.getParent() : checkpointRoot.toAbsolutePath().normalize();
        return new LadderFile(absolute, read, rootDir);
    }

    /** Where a rung's checkpoint directory is. */
    public Path checkpoint(Ladder.Rung rung) {
        return checkpointRoot.resolve(rung.checkpoint() == null ? "" : rung.checkpoint());
    }
}
