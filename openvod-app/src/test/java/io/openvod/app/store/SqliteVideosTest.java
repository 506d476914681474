package io.openvod.app.store;

import io.openvod.testing.TestDatabase;

class SqliteVideosTest extends VideosOnSql {
    @Override
    TestDatabase engine() {
        return TestDatabase.SQLITE;
    }
}
