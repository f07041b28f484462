package org.ladderboard.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command run's promise: data under the data directory survives a restart and a {@code kill -9} of the app,
 * whose PostgreSQL is then left running as an orphan holding the data directory.
 */
class EmbeddedPostgresRestartTest {

    /** Stands in for the app: starts the embedded database, commits a row, says so, and waits to be killed. */
    public static final class KilledApp {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgresStarter.startIn(Path.of(args[0]));
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create table survivor (note text)");
                c.createStatement().execute("insert into survivor values ('committed before kill -9')");
            }
            System.out.println("READY");
            System.out.flush();
            // parked until the test kills it (or two minutes pass)
            new java.util.concurrent.CountDownLatch(1).await(2, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    @Test
    void dataSurvivesTheAppBeingKilledAndTheOrphanIsStopped(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data").resolve("postgres");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledApp.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the child app reached READY").isEqualTo("READY");
        }
        app.destroyForcibly();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Path pidFile = data.resolve("postmaster.pid");
        assertThat(pidFile).exists();
        long orphanPid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedPostgres restarted = EmbeddedPostgresStarter.startIn(data);
             Connection c = restarted.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select note from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("committed before kill -9");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }
}
