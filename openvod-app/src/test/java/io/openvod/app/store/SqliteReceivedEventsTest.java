package io.openvod.app.store;

import io.openvod.app.receipt.ReceivedEvents;
import io.openvod.app.videos.Videos;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteReceivedEventsTest implements ReceivedEventsContract {
    @TempDir
    Path dir;

    private AppNodes nodes;

    @BeforeEach
    void open() {
        nodes = AppNodes.open(AppDatabase.sqliteUrl(dir.resolve("app.db")));
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
