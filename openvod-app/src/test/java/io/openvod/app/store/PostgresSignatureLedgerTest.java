package io.openvod.app.store;

import io.openvod.testing.TestDatabase;

class PostgresSignatureLedgerTest extends SignatureLedgerOnSql {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRES;
    }
}
