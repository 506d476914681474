package io.openvod.app.store;

import io.openvod.testing.TestDatabase;

class PostgresVideosTest extends VideosOnSql {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRES;
    }
}
