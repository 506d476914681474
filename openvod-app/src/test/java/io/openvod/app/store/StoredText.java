package io.openvod.app.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Every value of every table of a database, as text: what a scan for leaked secrets reads. */
final class StoredText {
    private StoredText() {
    }

    static List<String> of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = tables(c.getMetaData());
            List<String> values = new ArrayList<>();
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            if (value != null) {
                                values.add(value);
                            }
                        }
                    }
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Quoted, schema-qualified names of the user tables. */
    static List<String> tables(DatabaseMetaData meta) throws SQLException {
        String quote = meta.getIdentifierQuoteString().strip();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = quote + rs.getString("TABLE_NAME") + quote;
                tables.add(schema == null || schema.isEmpty() ? name : quote + schema + quote + "." + name);
            }
        }
        return tables;
    }
}
