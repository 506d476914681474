package io.openvod.app.store;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The ledger writer's own connection, with its statements prepared once: each batch is checked and
 * recorded in one transaction, each row judged against its user's counter as left by the rows
 * before it.
 *
 * <p>On SQLite the transaction is {@code BEGIN IMMEDIATE … COMMIT} in auto-commit mode: it holds
 * the database's write lock from its first statement, so no other writer (of this process or
 * another) reads a counter before this batch's changes are committed.
 *
 * <p>Elsewhere (PostgreSQL, where the writers of several app nodes share the counters) it is a JDBC
 * transaction at READ COMMITTED that first locks every counter row the batch touches: each is
 * created if missing ({@code INSERT … ON CONFLICT DO NOTHING}, which waits for another
 * transaction inserting the same row) and read with {@code SELECT … FOR UPDATE}, in one order
 * (user, then window) so that two batches never wait for each other in a circle. A batch of
 * another node that touches the same counter waits until this one commits and then reads the
 * counter as this one left it, so the quota decisions of all nodes are made one after another.
 */
final class LedgerConnection implements AutoCloseable {
    private static final Comparator<Window> LOCK_ORDER = Comparator.comparing(Window::userId).thenComparingLong(Window::start);

    private final Handle handle;
    private final Connection connection;
    private final Engine engine;
    private final PreparedStatement insert;
    private final PreparedStatement createUsage;
    private final PreparedStatement readUsage;
    private final PreparedStatement writeUsage;

    LedgerConnection(Jdbi jdbi) throws SQLException {
        this.handle = jdbi.open();
        try {
            this.connection = handle.getConnection();
            this.engine = Engine.of(connection);
            connection.setAutoCommit(sqlite());
            if (!sqlite()) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            this.insert = connection.prepareStatement("INSERT INTO issued_signatures (" + SignatureRows.COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.createUsage = connection.prepareStatement("INSERT INTO quota_usage (user_id, window_start, uploads, bytes)"
                    + " VALUES (?, ?, 0, 0) ON CONFLICT (user_id, window_start) DO NOTHING");
            this.readUsage = connection.prepareStatement("SELECT uploads, bytes FROM quota_usage WHERE user_id = ? AND window_start = ?"
                    + engine.forUpdate());
            this.writeUsage = connection.prepareStatement("INSERT INTO quota_usage (user_id, window_start, uploads, bytes)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (user_id, window_start) DO UPDATE SET uploads = excluded.uploads, bytes = excluded.bytes");
        } catch (SQLException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private boolean sqlite() {
        return engine == Engine.SQLITE;
    }

    private record Window(String userId, long start) {
    }

    /** Checks and records the entries in one transaction; nothing is kept if it throws. */
    List<Reservation> apply(List<LedgerBatch.Entry> entries) throws SQLException {
        begin();
        try {
            List<Reservation> results = decideAndWrite(entries);
            commit();
            return results;
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    private List<Reservation> decideAndWrite(List<LedgerBatch.Entry> entries) throws SQLException {
        Map<Window, Usage> usage = lockCounters(entries);
        Map<Window, Usage> changed = new HashMap<>();
        List<Reservation> results = new ArrayList<>(entries.size());
        for (LedgerBatch.Entry e : entries) {
            Window w = window(e);
            Usage used = usage.get(w);
            Reservation r = LedgerBatch.decide(e, used);
            if (r instanceof Reservation.Recorded recorded) {
                addInsert(e.signature());
                usage.put(w, recorded.usage());
                changed.put(w, recorded.usage());
            } else {
                usage.put(w, used);
            }
            results.add(r);
        }
        insert.executeBatch();
        for (Map.Entry<Window, Usage> c : changed.entrySet()) {
            writeUsage.setString(1, c.getKey().userId());
            writeUsage.setLong(2, c.getKey().start());
            writeUsage.setLong(3, c.getValue().uploads());
            writeUsage.setLong(4, c.getValue().bytes());
            writeUsage.executeUpdate();
        }
        return results;
    }

    private static Window window(LedgerBatch.Entry e) {
        return new Window(e.signature().userId(), e.windowStart().toEpochMilli());
    }

    /** The counters of the batch's windows, read (and, but on SQLite, locked) in {@link #LOCK_ORDER}. */
    private Map<Window, Usage> lockCounters(List<LedgerBatch.Entry> entries) throws SQLException {
        Map<Window, Usage> usage = new TreeMap<>(LOCK_ORDER);
        for (LedgerBatch.Entry e : entries) {
            usage.put(window(e), null);
        }
        for (Map.Entry<Window, Usage> w : usage.entrySet()) {
            if (!sqlite()) {
                createUsage.setString(1, w.getKey().userId());
                createUsage.setLong(2, w.getKey().start());
                createUsage.executeUpdate();
            }
            w.setValue(read(w.getKey()));
        }
        return usage;
    }

    private Usage read(Window w) throws SQLException {
        readUsage.setString(1, w.userId());
        readUsage.setLong(2, w.start());
        try (ResultSet rs = readUsage.executeQuery()) {
            return rs.next() ? new Usage(rs.getLong(1), rs.getLong(2)) : new Usage(0, 0);
        }
    }

    private void addInsert(IssuedSignature s) throws SQLException {
        insert.setString(1, s.requestId());
        insert.setString(2, s.userId());
        insert.setString(3, s.secretId());
        insert.setLong(4, s.issuedAt().toEpochMilli());
        insert.setLong(5, s.expiresAt().toEpochMilli());
        insert.setLong(6, s.random());
        setText(7, s.procedure().orElse(null));
        setLong(8, s.classId().orElse(null));
        insert.setInt(9, s.oneTimeValid() ? 1 : 0);
        insert.setString(10, s.sourceContext());
        setText(11, s.sessionContext().orElse(null));
        setText(12, s.fileName().orElse(null));
        setLong(13, s.fileSize().orElse(null));
        insert.setString(14, s.clientIp());
        setText(15, s.traceId().orElse(null));
        insert.addBatch();
    }

    private void setText(int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }

    private void setLong(int index, Long value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.BIGINT);
        } else {
            insert.setLong(index, value);
        }
    }

    private void begin() throws SQLException {
        if (sqlite()) {
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
        }
    }

    private void commit() throws SQLException {
        if (sqlite()) {
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
        } else {
            connection.commit();
        }
    }

    private void rollback(Exception cause) {
        try {
            insert.clearBatch();
            if (sqlite()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK");
                }
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        handle.close();
    }
}
