package io.openvod.app.store;

import io.openvod.testing.TestDatabase;

class PostgresReceivedEventsTest extends ReceivedEventsOnSql {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRES;
    }
}
