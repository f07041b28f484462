package org.ladderboard.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named statements of {@code queue.sql}: each block starts with a {@code -- name: some_name} line and runs to
 * the next one; its comments stay in the text PostgreSQL receives, which keeps them in the server's logs.
 */
final class QueueSql {

    private static final Pattern NAME = Pattern.compile("^-- name: (\\w+)\\s*$", Pattern.MULTILINE);
    private static final Map<String, String> STATEMENTS = load();

    private QueueSql() {
    }

    /** The statement called {@code name}; a name the file does not have is a programming error. */
    static String named(String name) {
        String sql = STATEMENTS.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("queue.sql has no statement named " + name);
        }
        return sql;
    }

    static Map<String, String> all() {
        return STATEMENTS;
    }

    private static Map<String, String> load() {
        String text;
        try (InputStream in = QueueSql.class.getResourceAsStream("queue.sql")) {
            if (in == null) {
                throw new IllegalStateException("queue.sql is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> statements = new LinkedHashMap<>();
        Matcher m = NAME.matcher(text);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                put(statements, name, text.substring(start, m.start()));
            }
            name = m.group(1);
            start = m.end();
        }
        if (name != null) {
            put(statements, name, text.substring(start));
        }
        return Collections.unmodifiableMap(statements);
    }

    private static void put(Map<String, String> statements, String name, String block) {
        // a block ends at its statement's semicolon; section banners after it are not part of it
        int end = block.lastIndexOf(';');
        String sql = (end < 0 ? block : block.substring(0, end)).strip();
        if (statements.put(name, sql) != null) {
            throw new IllegalStateException("queue.sql names two statements " + name);
        }
    }
}
