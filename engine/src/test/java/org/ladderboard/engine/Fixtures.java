package org.ladderboard.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ai.djl.Device;
import org.ladderboard.engine.model.CausalLanguageModel;
import org.ladderboard.engine.model.ModelLoader;
import org.ladderboard.tokenizer.ModelTokenizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoint fixtures and the values independent implementations (checked against Hugging Face transformers)
 * computed from them: one real pretrained model (stories260K) and random-weight ones for each architecture.
 */
public final class Fixtures {

    public static final List<String> MODELS = List.of("stories260K-hf", "gpt2-tiny-random", "pythia-tiny-random",
            "llama-gqa-tiny-random");
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {
    }

    private static Path root;

    /**
     * The fixtures' folder. Other modules' tests get these classes from the engine's test jar once the build has
     * packaged it ({@code verify}): the fixtures are then copied out of the jar once, since checkpoints are read as
     * files.
     */
    public static synchronized Path root() {
        if (root != null) {
            return root;
        }
        try {
            java.net.URI uri = Fixtures.class.getResource("/fixtures").toURI();
            if (!uri.getScheme().equals("jar")) {
                return root = Path.of(uri);
            }
            Path copy = Files.createTempDirectory("ladderboard-fixtures-");
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of());
                 Stream<Path> files = Files.walk(jar.getPath("/fixtures"))) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(jar.getPath("/fixtures").relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            return root = copy;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path model(String name) {
        return root().resolve("models").resolve(name);
    }

    public static Path dataset(String file) {
        return root().resolve("datasets").resolve(file);
    }

    public static JsonNode expected(String model, String file) {
        return JSON.readTree(root().resolve("expected").resolve(model).resolve(file).toFile());
    }

    public static List<JsonNode> expectedLines(String model, String file) {
        try (Stream<String> lines = Files.lines(root().resolve("expected").resolve(model).resolve(file))) {
            List<JsonNode> out = new ArrayList<>();
            lines.filter(l -> !l.isBlank()).forEach(l -> out.add(JSON.readTree(l)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CausalLanguageModel load(String name) {
        try {
            return ModelLoader.load(model(name), Device.cpu());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelTokenizer tokenizer(String name) {
        try {
            return ModelTokenizer.open(model(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
