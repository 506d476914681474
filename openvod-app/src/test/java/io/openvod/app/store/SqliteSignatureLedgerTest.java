package io.openvod.app.store;

import io.openvod.testing.TestDatabase;

class SqliteSignatureLedgerTest extends SignatureLedgerOnSql {
    @Override
    TestDatabase engine() {
        return TestDatabase.SQLITE;
    }
}
