package io.openvod.app.store;

import io.openvod.app.account.AccountStore;
import io.openvod.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresAccountStoreTest implements AccountStoreContract {
    private AppDatabase database;
    private SqlAccountStore store;

    @BeforeEach
    void open() {
        database = AppDatabase.open(TestPostgres.newDatabaseUrl());
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
