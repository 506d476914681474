package io.openvod.app.store;

import io.openvod.app.account.AccountStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccountStoreTest implements AccountStoreContract {
    @TempDir
    Path dir;

    private AppDatabase database;
    private SqlAccountStore store;

    @BeforeEach
    void open() {
        database = AppDatabase.openSqlite(dir.resolve("app.db"));
        store = new SqlAccountStore(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    public AccountStore accounts() {
        return store;
    }

    @Override
    public List<String> storedText() {
        return StoredText.of(database.dataSource());
    }
}
