package io.openvod.app.videos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.receipt.EventParser;
import io.openvod.app.receipt.SpecEvents;
import io.openvod.app.store.AppDatabase;
import io.openvod.app.store.SqlVideos;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Videos recorded before the app tracked what a video waits for keep their state after the migration. */
class AwaitedMigrationTest {
    @TempDir
    Path dir;

    @Test
    void videosOfTheOlderSchemaCountAsUploadedAndTheirFinishedFlowsAsFinished() throws Exception {
        Path file = dir.resolve("app.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations(AppDatabase.MIGRATIONS).target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String[] row : new String[][] {{"1", "published"}, {"2", "failed"}, {"3", "processing"}}) {
                s.executeUpdate("INSERT INTO videos (file_id, user_id, request_id, name, state, media_url, cover_url, procedure_task_id, "
                        + "playbacks, review, review_confidence, review_label, last_sequence, created_at, updated_at) VALUES ('"
                        + row[0] + "', 'u', 'r', 'n', '" + row[1] + "', '', '', 'task-" + row[0] + "', '[]', '', 0, '', 0, 0, 0)");
            }
        }
        try (AppDatabase db = AppDatabase.openSqlite(file)) {
            SqlVideos videos = new SqlVideos(db.jdbi());
            assertThat(videos.find("1").orElseThrow().awaited()).isEqualTo(new Video.Awaited(true, "success", "", ""));
            assertThat(videos.find("2").orElseThrow().awaited()).isEqualTo(new Video.Awaited(true, "failed", "", ""));
            assertThat(videos.find("3").orElseThrow().awaited()).isEqualTo(new Video.Awaited(true, "", "", ""));
            var late = new EventParser().parse(SpecEvents.bytes(SpecEvents.load("v3-procedure-change-processing.json"))).event();
            Video published = videos.find("1").orElseThrow();
            assertThat(new VideoTransitions().apply(Optional.of(published), "1", late, 0, Instant.now()).orElseThrow().state())
                    .as("a late PROCESSING does not take it back").isEqualTo(VideoState.PUBLISHED);
        }
    }
}
