package io.openvod.app.store;

import io.openvod.app.videos.Videos;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteVideosTest implements VideosContract {
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
    public Videos videos() {
        return new SqlVideos(nodes.first().jdbi());
    }

    @Override
    public Videos otherNode() {
        return new SqlVideos(nodes.second().jdbi());
    }
}
