package io.openvod.app.store;

import io.openvod.testing.TestDatabase;

class SqliteAccountStoreTest extends AccountStoreOnSql {
    @Override
    TestDatabase engine() {
        return TestDatabase.SQLITE;
    }
}
