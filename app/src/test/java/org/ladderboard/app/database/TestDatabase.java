package org.ladderboard.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL the integration tests run on, chosen once per JVM: an explicit database
 * ({@code LADDERBOARD_TEST_DATABASE_URL}, with {@code _USER} and {@code _PASSWORD}; give it an empty database), else a
 * Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL in a temporary directory.
 * Never an in-memory imitation.
 */
public final class TestDatabase {

    private record Connection(String url, String user, String password) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        Connection c = connection();
        registry.add("spring.datasource.url", c::url);
        registry.add("spring.datasource.username", c::user);
        registry.add("spring.datasource.password", c::password);
    }

    private static synchronized Connection connection() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    private static Connection start() {
        String url = System.getenv("LADDERBOARD_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, System.getenv().getOrDefault("LADDERBOARD_TEST_DATABASE_USER", "postgres"),
                    System.getenv().getOrDefault("LADDERBOARD_TEST_DATABASE_PASSWORD", ""));
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("no Docker and the embedded PostgreSQL did not start", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
