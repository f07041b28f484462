package org.ladderboard.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command run's database is the app's alone: another user of the machine cannot connect without the
 * generated password (as the superuser it could run programs), nor reach its socket, nor reach it from the network.
 */
class EmbeddedPostgresAccessTest {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    @Test
    void aConnectionWithoutThePasswordIsRefusedAndOneWithItWorks(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data").resolve("postgres");
        try (EmbeddedPostgres postgres = EmbeddedPostgresStarter.startIn(data)) {
            assertRefusedWithoutPassword(postgres);
            String password = EmbeddedPostgresStarter.password(data);
            try (Connection c = DriverManager.getConnection(url(postgres), "postgres", password)) {
                assertThat(setting(c, "listen_addresses")).isEqualTo("localhost");
                // an acknowledged submission or score survives a crash of the machine, not only of the app
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(c, "fsync")).isEqualTo("on");
                assertThat(setting(c, "full_page_writes")).isEqualTo("on");
                Path socketDir = Path.of(setting(c, "unix_socket_directories"));
                assertThat(Files.getPosixFilePermissions(socketDir)).isEqualTo(OWNER_ONLY_DIR);
            }
            assertThat(Files.getPosixFilePermissions(EmbeddedPostgresStarter.passwordFile(data))).isEqualTo(OWNER_ONLY_FILE);
            assertThat(EmbeddedPostgresStarter.passwordFile(data)).startsWith(data.getParent());
            // the programs it runs sit beside the data, where only this user can change them
            Path binaries = data.resolveSibling("postgres-binaries");
            assertThat(Files.getPosixFilePermissions(binaries)).isEqualTo(OWNER_ONLY_DIR);
            assertThat(Files.getPosixFilePermissions(data.getParent())).isEqualTo(OWNER_ONLY_DIR);
        }
    }

    @Test
    void aDataDirectoryFromAnEarlierVersionGetsThePasswordAndKeepsItsData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data").resolve("postgres");
        // an earlier version: zonky's defaults, every local connection trusted
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             Connection c = DriverManager.getConnection(url(old), "postgres", "")) {
            c.createStatement().execute("create table kept (note text)");
            c.createStatement().execute("insert into kept values ('from before')");
        }
        assertThat(EmbeddedPostgresStarter.passwordFile(data)).doesNotExist();

        try (EmbeddedPostgres postgres = EmbeddedPostgresStarter.startIn(data)) {
            assertRefusedWithoutPassword(postgres);
            try (Connection c = DriverManager.getConnection(url(postgres), "postgres", EmbeddedPostgresStarter.password(data));
                 ResultSet rs = c.createStatement().executeQuery("select note from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("from before");
            }
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");

        // and the migrated directory starts again as it is
        try (EmbeddedPostgres again = EmbeddedPostgresStarter.startIn(data)) {
            assertRefusedWithoutPassword(again);
            try (Connection c = again.getPostgresDatabase().getConnection()) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    private static void assertRefusedWithoutPassword(EmbeddedPostgres postgres) {
        assertThatThrownBy(() -> DriverManager.getConnection(url(postgres), "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url(postgres), "postgres", "wrong password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static String url(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
