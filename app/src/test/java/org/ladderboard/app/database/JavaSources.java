package org.ladderboard.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's own Java sources, read as text for the tests that say where SQL may live: each file split into its
 * code (comments and literals blanked) and its string literals, text blocks included.
 */
final class JavaSources {

    /** One source file: {@code name} is the class's simple name. */
    record Source(Path path, String name, String text, String code, List<String> literals) {
    }

    private JavaSources() {
    }

    /** The build's root: the folder above the module the tests run in. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("queue")) && Files.isDirectory(dir.resolve("app")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no build root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every {@code .java} file under {@code folder} (relative to the root), by path. */
    static List<Source> under(String folder) {
        Path base = root().resolve(folder);
        if (!Files.isDirectory(base)) {
            throw new IllegalStateException(base + " is missing");
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().map(JavaSources::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Source read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = path.getFileName().toString();
        StringBuilder code = new StringBuilder(text.length());
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = closing(text, i + 3, "\"\"\"");
                literals.add(text.substring(i + 3, end));
                i = Math.min(n, end + 3);
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int end = closing(text, i + 1, String.valueOf(c));
                if (c == '"') {
                    literals.add(text.substring(i + 1, end));
                }
                i = Math.min(n, end + 1);
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return new Source(path, file.substring(0, file.length() - ".java".length()), text, code.toString(), literals);
    }

    /** Where the literal opened before {@code from} ends: the next unescaped {@code quote}. */
    private static int closing(String text, int from, String quote) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '\\') {
                i += 2;
            } else if (text.startsWith(quote, i)) {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }
}
