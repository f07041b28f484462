package org.ladderboard.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one-command run's database: when no {@code spring.datasource.url} is given, starts a real PostgreSQL whose data
 * lives under {@code ./data/postgres} (so it survives restarts and a {@code kill -9}), points the app at it and turns
 * on the demo data and the in-process scoring worker. Production sets {@code SPRING_DATASOURCE_URL} and never reaches this.
 */
public class EmbeddedPostgresStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStarter.class);
    private static EmbeddedPostgres running;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        boolean wanted = env.getProperty("ladderboard.database.embedded", Boolean.class, true);
        if (env.containsProperty("spring.datasource.url") || !wanted) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("ladderboard.database.embedded-dir", "data/postgres")).toAbsolutePath();
        String url = start(dataDir);
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "ladderboard.demo.enabled", env.getProperty("ladderboard.demo.enabled", "true"),
                "ladderboard.worker.embedded", env.getProperty("ladderboard.worker.embedded", "true"))));
    }

    private static synchronized String start(Path dataDir) {
        if (running == null) {
            running = startIn(dataDir);
            // stop the database only after the application context (and its scoring worker) has closed
            EmbeddedPostgres database = running;
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    database.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
                }
            });
        }
        return running.getJdbcUrl("postgres", "postgres");
    }

    /** Starts PostgreSQL on the data in {@code dataDir} (created on first use), first stopping any orphan on it. */
    static EmbeddedPostgres startIn(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            OrphanedPostmaster.stopIfAny(dataDir);
            log.info("Starting embedded PostgreSQL with data in {}", dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }
}
