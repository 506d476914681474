package io.openvod.app.store;

import io.openvod.testing.TestDatabase;

class SqliteReceivedEventsTest extends ReceivedEventsOnSql {
    @Override
    TestDatabase engine() {
        return TestDatabase.SQLITE;
    }
}
