package io.openvod.app.store;

import io.openvod.testing.TestDatabase;

class PostgresAccountStoreTest extends AccountStoreOnSql {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRES;
    }
}
