package io.openvod.app.store;

import io.openvod.app.ledger.IssuedSignature;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code issued_signatures} row: its columns and its mapping back to {@link IssuedSignature}. */
final class SignatureRows {
    static final String COLUMNS = "request_id, user_id, secret_id, issued_at, expires_at, random, procedure,"
            + " class_id, one_time_valid, source_context, session_context, file_name, file_size, client_ip, trace_id";

    private SignatureRows() {
    }

    static IssuedSignature signature(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IssuedSignature(rs.getString("request_id"), rs.getString("user_id"), rs.getString("secret_id"),
                Rows.instant(rs, "issued_at"), Rows.instant(rs, "expires_at"), rs.getLong("random"),
                Rows.optionalString(rs, "procedure"), Rows.optionalLong(rs, "class_id"), Rows.bool(rs, "one_time_valid"),
                rs.getString("source_context"), Rows.optionalString(rs, "session_context"),
                Rows.optionalString(rs, "file_name"), Rows.optionalLong(rs, "file_size"), rs.getString("client_ip"),
                Rows.optionalString(rs, "trace_id"));
    }
}
