package io.openvod.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.testing.TestSecrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests of separate OpenVOD processes read back: database rows, and a secret a command printed once. */
final class ClusterData {
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("(whsec_[A-Za-z0-9+/=]+)");

    private ClusterData() {
    }

    /** The rows of {@code sql} (with {@code parameters} bound in order), each a map from lower-case column label to value. */
    static List<Map<String, Object>> query(String jdbcUrl, String sql, Object... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The webhook secret that {@code openvod events secrets create} printed, remembered for the suite's log scan. */
    static String webhookSecret(String output) {
        Matcher m = WEBHOOK_SECRET.matcher(output);
        assertThat(m.find()).as("openvod events secrets create prints the secret").isTrue();
        return TestSecrets.remember(m.group(1));
    }
}
