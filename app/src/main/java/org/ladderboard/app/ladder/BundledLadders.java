package org.ladderboard.app.ladder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo ladder a build carries in its classpath under {@code bundled-ladders/} (the one-command jar does; the
 * web-only jar does not), unpacked to a directory on disk because the tokenizer and the engine read checkpoint
 * directories. Unpacking is repeated only for files that are missing or of another size, so a restart is quick.
 */
final class BundledLadders {

    static final String LOCATION = "bundled-ladders";
    private static final Logger log = LoggerFactory.getLogger(BundledLadders.class);

    private BundledLadders() {
    }

    /** The unpacked ladders file, or empty when this build carries no ladder. */
    static Optional<Path> unpack(Path target) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(BundledLadders.class.getClassLoader());
        if (!resolver.getResource("classpath:" + LOCATION + "/ladders.yml").exists()) {
            return Optional.empty();
        }
        Path root = target.toAbsolutePath().normalize();
        int written = 0;
        try {
            for (Resource resource : resolver.getResources("classpath*:" + LOCATION + "/**")) {
                String url = resource.getURL().toString();
                String relative = url.substring(url.lastIndexOf(LOCATION + "/") + LOCATION.length() + 1);
                if (relative.isEmpty() || relative.endsWith("/") || !resource.isReadable()) {
                    continue;
                }
                Path out = root.resolve(relative).normalize();
                if (!out.startsWith(root)) {
                    continue;
                }
                long size = resource.contentLength();
                if (Files.isRegularFile(out) && Files.size(out) == size) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                Path partial = out.resolveSibling(out.getFileName() + ".partial");
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled ladder into " + root, e);
        }
        if (written > 0) {
            log.info("Unpacked the bundled demo ladder into {} ({} files)", root, written);
        }
        return Optional.of(root.resolve("ladders.yml"));
    }
}
