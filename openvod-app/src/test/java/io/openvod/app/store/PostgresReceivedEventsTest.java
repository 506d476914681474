package io.openvod.app.store;

import io.openvod.app.receipt.ReceivedEvents;
import io.openvod.app.videos.Videos;
import io.openvod.testing.TestPostgres;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresReceivedEventsTest implements ReceivedEventsContract {
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
    public ReceivedEvents events() {
        return new SqlReceivedEvents(nodes.first().jdbi(), Clock.systemUTC());
    }

    @Override
    public ReceivedEvents otherNode() {
        return new SqlReceivedEvents(nodes.second().jdbi(), Clock.systemUTC());
    }

    @Override
    public Videos videos() {
        return new SqlVideos(nodes.first().jdbi());
    }
}
