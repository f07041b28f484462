package org.ladderboard.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.validation.DatasetValidator;
import org.ladderboard.validation.ValidationSettings;
import org.ladderboard.queue.ExampleTable;

/**
 * A real PostgreSQL with the app's schema, the bundled micro ladder, and submissions inserted the way the web app
 * stores them, for testing workers against the queue.
 */
final class QueueFixture implements AutoCloseable {

    static final Path LADDERS_ROOT = Path.of("..");
    static final Ladder MICRO = new Ladder("micro", "llama", "parameters", "", List.of(
            new Ladder.Rung("micro-40k", 39504, 4096000L, "ladders/micro/micro-40k", null),
            new Ladder.Rung("micro-100k", 105696, 4096000L, "ladders/micro/micro-100k", null),
            new Ladder.Rung("micro-300k", 315968, 4096000L, "ladders/micro/micro-300k", null),
            new Ladder.Rung("micro-1m", 1000576, 4096000L, "ladders/micro/micro-1m", null)));
    static final List<Example> PROBE = probe();

    final Path dataDir;
    final int port;
    EmbeddedPostgres postgres;
    final HikariDataSource db;

    QueueFixture() throws IOException {
        dataDir = Files.createTempDirectory("queue-pg").resolve("data");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
        port = postgres.getPort();
        Flyway.configure().dataSource(url(), "postgres", "").locations("classpath:db/migration").load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(3_000);
        config.setInitializationFailTimeout(-1);
        db = new HikariDataSource(config);
    }

    private boolean answers() {
        try (Connection c = java.sql.DriverManager.getConnection(url(), "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Stops the database and starts it again on the same data and port, as a server restart does. */
    void restartDatabase(Duration down) throws Exception {
        postgres.close();
        // the workers see a database that stays away for all of {@code down}
        await("the database to stay down").during(down).atMost(down.plusSeconds(10))
                .until(() -> !answers());
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static List<Example> probe() {
        try {
            byte[] csv = Files.readAllBytes(LADDERS_ROOT.resolve("ladders/probes/instructed-ending.csv"));
            return new DatasetValidator(ValidationSettings.defaults())
                    .validate("instructed-ending.csv", csv, TaskType.CLASSIFICATION).parts().get(0).examples();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A queued classification submission of {@code n} probe rows (cycled), with one job per given rung. */
    long submission(int n, List<String> rungs, String poisonPrompt) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long submission = insert(c, n, "QUEUED", poisonPrompt, new Integer[0], null);
            for (String rung : rungs) {
                long parameters = MICRO.rungs().stream().filter(r -> r.name().equals(rung)).findFirst().orElseThrow().parameters();
                id(c, "insert into scoring_job (submission_id, ladder, model, model_parameters, examples_total, max_attempts) "
                        + "values (?, 'micro', ?, ?, ?, 3) returning id", submission, rung, parameters, n);
            }
            c.commit();
            return submission;
        }
    }

    /**
     * A classification submission of {@code n} probe rows in a round with the few-shot sweep {@code shots} and
     * {@code seed}, queued on {@code ladder} by the queue itself, as the web app queues an upload.
     */
    long sweepSubmission(int n, Ladder ladder, Integer[] shots, Long seed) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long submission = insert(c, n, "VALIDATED", null, shots, seed);
            new org.ladderboard.queue.JobQueue(db).enqueue(c, submission, List.of(ladder), n);
            c.commit();
            return submission;
        }
    }

    /** The examples {@link #submission} and {@link #sweepSubmission} store: probe rows, cycled and made distinct. */
    static List<Example> examples(int n, String poisonPrompt) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Example e = PROBE.get(i % PROBE.size());
            String prompt = poisonPrompt != null && i == n / 2 ? poisonPrompt
                    : e.prompt() + (i >= PROBE.size() ? " (" + i + ")" : "");
            examples.add(new Example("p", i + 1, i + 2, prompt, null, e.classes().subList(0, 2), e.answerIndex(),
                    null, Map.of()));
        }
        return examples;
    }

    private static long insert(Connection c, int n, String status, String poisonPrompt, Integer[] shots, Long seed)
            throws SQLException {
        long account = id(c, "insert into account (email, display_name, password_hash, role) values (?, 'T', 'x', 'CONTESTANT') returning id",
                UUID.randomUUID() + "@test");
        long round = id(c, "insert into round (name, opens_at, closes_at, fewshot_shots, fewshot_seed) "
                + "values ('r', now() - interval '1 day', now() + interval '1 day', ?, ?) returning id",
                c.createArrayOf("integer", shots), seed);
        long submission = id(c, """
                insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                        file_name, file_sha256, file_bytes)
                values (?, ?, 'task', 'zero-shot', 'other', 'classification', ?, ?, 'f.csv', repeat('0', 64), 0)
                returning id""", round, account, status, n);
        long part = id(c, """
                insert into submission_part (submission_id, position, name, file_name, format, sha256, bytes,
                                             example_count, columns, content)
                values (?, 0, 'p', 'p.csv', 'csv', repeat('0', 64), 0, ?, '[]', ''::bytea) returning id""", submission, n);
        ExampleTable.insert(c, submission, part, 0, examples(n, poisonPrompt));
        return submission;
    }

    /** A ladders file for a standalone worker: the micro ladder with only the given rungs. */
    static Path laddersFile(Path dir, List<String> rungs) throws IOException {
        StringBuilder yaml = new StringBuilder("ladders:\n  - name: micro\n    family: llama\n    rungs:\n");
        for (Ladder.Rung r : MICRO.rungs()) {
            if (rungs.contains(r.name())) {
                yaml.append(String.format("      - { name: %s, parameters: %d, training-tokens: %d, checkpoint: %s }\n",
                        r.name(), r.parameters(), r.trainingTokens(), r.checkpoint()));
            }
        }
        return Files.writeString(dir.resolve("ladders.yml"), yaml);
    }

    /**
     * A standalone worker process ({@code java … work}) on this database, with its output drained so it never blocks;
     * tests kill it with {@link Process#destroyForcibly()} (SIGKILL).
     */
    Process workerProcess(Path ladders, int leaseSeconds, int heartbeatMs, int chunk) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), WorkerCommand.class.getName(), "work",
                "--ladders", ladders.toString(), "--checkpoint-root", LADDERS_ROOT.toString(),
                "--lease-seconds", Integer.toString(leaseSeconds), "--heartbeat-ms", Integer.toString(heartbeatMs),
                "--chunk-size", Integer.toString(chunk), "--idle-poll-ms", "200")
                .redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_URL", url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        Process child = builder.start();
        Thread drain = new Thread(() -> {
            try (java.io.InputStream out = child.getInputStream()) {
                out.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        drain.setDaemon(true);
        drain.start();
        return child;
    }

    ScoringWorker worker(String id, ScoringEngine engine, int leaseSeconds, int heartbeatMs, int chunk) {
        return new ScoringWorker(db, List.of(MICRO), engine, new ScoringWorker.Settings(id, "test-host", leaseSeconds,
                Duration.ofMillis(heartbeatMs), chunk, 0, Duration.ofMillis(100)));
    }

    static DjlScoringEngine engine() {
        return new DjlScoringEngine(LADDERS_ROOT, "cpu", 4096);
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection()) {
            return id(c, sql, params);
        }
    }

    /** A statement without parameters or results (DDL, a test's fault injection). */
    void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    List<String> strings(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    static long id(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A condition over the database that counts a failed query as not yet true (the database may be restarting). */
    interface Query {
        boolean holds() throws SQLException;
    }

    static Callable<Boolean> quietly(Query query) {
        return () -> {
            try {
                return query.holds();
            } catch (SQLException e) {
                return false;
            }
        };
    }

    @Override
    public void close() throws IOException {
        db.close();
        postgres.close();
    }
}
