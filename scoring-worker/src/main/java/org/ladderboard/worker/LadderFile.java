package org.ladderboard.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ladderboard.ladder.Ladder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Ladders from YAML, in the web app's own shape ({@code ladderboard: ladders: […]}, kebab-case keys), so one file
 * configures the app and every worker; a file with {@code ladders:} at the top works too.
 */
final class LadderFile {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LadderFile() {
    }

    static List<Ladder> read(Path file) throws IOException {
        JsonNode root = YAML.readTree(file.toFile());
        JsonNode ladders = root.path("ladderboard").path("ladders");
        if (ladders.isMissingNode()) {
            ladders = root.path("ladders");
        }
        if (!ladders.isArray()) {
            throw new IllegalArgumentException(file + " has no 'ladders' list (nor 'ladderboard: ladders')");
        }
        return ladders.valueStream().map(node -> YAML.treeToValue(node, Ladder.class)).toList();
    }
}
