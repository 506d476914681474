package io.openvod.app.store;

import io.openvod.app.videos.Videos;
import io.openvod.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresVideosTest implements VideosContract {
    private AppNodes nodes;

    @BeforeEach
    void open() {
        nodes = AppNodes.open(TestPostgres.newDatabaseUrl());
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    @Override
    public Videos videos() {
        return new SqlVideos(nodes.first().jdbi());
    }

    @Override
    public Videos otherNode() {
        return new SqlVideos(nodes.second().jdbi());
    }
}
