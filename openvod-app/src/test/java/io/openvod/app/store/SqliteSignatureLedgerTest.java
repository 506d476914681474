package io.openvod.app.store;

import io.openvod.app.ledger.SignatureLedger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteSignatureLedgerTest implements SignatureLedgerContract, SignatureLedgerConcurrencyContract {
    @TempDir
    Path dir;

    private AppDatabase database;
    private SqlSignatureLedger ledger;

    @BeforeEach
    void open() {
        database = AppDatabase.openSqlite(dir.resolve("app.db"));
        ledger = new SqlSignatureLedger(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    public SignatureLedger ledger() {
        return ledger;
    }

    @Override
    public List<String> storedText() {
        return StoredText.of(database.dataSource());
    }
}
