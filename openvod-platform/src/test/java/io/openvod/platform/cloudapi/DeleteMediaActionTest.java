package io.openvod.platform.cloudapi;

import static io.openvod.platform.cloudapi.MediaActionsFixture.request;
import static io.openvod.platform.cloudapi.MediaActionsFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteMediaActionTest {
    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static MediaActionsFixture actions;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
        actions = new MediaActionsFixture(platform);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void deletesTheRowAndTheObjectsAndWritesFileDeletedToTheOutbox() {
        String fileId = uploaded();
        Media media = platform.node().catalog().find(fileId).orElseThrow();
        String mediaObject = StorageLayout.storeKey(media.bucket(), media.mediaKey());
        assertThat(platform.store().stat(mediaObject)).isPresent();

        assertThat(actions.delete.handle(actions.call(), request("{\"FileId\":\"" + fileId + "\"}"))).isEmpty();

        assertThat(platform.node().catalog().find(fileId)).isEmpty();
        assertThat(platform.store().stat(mediaObject)).isEmpty();
        List<StoredEvent> events = platform.node().catalog().events(fileId);
        assertThat(events).extracting(e -> e.event().eventType()).containsExactly("NewFileUpload", "FileDeleted");
        StoredEvent deleted = events.get(1);
        assertThat(deleted.seq()).isEqualTo(2);
        assertThat(deleted.event().subAppId()).isEqualTo(PlatformFixture.APP_ID);
        assertThat(tree(deleted.event().body())).isEqualTo(tree("{\"EventType\":\"FileDeleted\",\"FileDeleteEvent\":{"
                + "\"FileIdSet\":[\"" + fileId + "\"],\"FileDeleteResultInfo\":[{\"FileId\":\"" + fileId + "\","
                + "\"DeleteParts\":[{\"Type\":\"OriginalFiles\",\"Definition\":0}]}]}}"));
        Integer deliveries = platform.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM event_deliveries WHERE event_id = :id").bind("id", deleted.event().eventId())
                .mapTo(Integer.class).one());
        assertThat(deliveries).as("the event is routed in its transaction").isEqualTo(1);
        String uploadTrace = events.get(0).event().traceparent().orElseThrow().traceId();
        assertThat(deleted.event().traceparent()).as("FileDeleted continues the upload's trace")
                .hasValueSatisfying(t -> assertThat(t.traceId()).isEqualTo(uploadTrace));

        JsonNode described = actions.describe.handle(actions.call(), request("{\"FileIds\":[\"" + fileId + "\"]}"));
        assertThat(described.get("NotExistFileIdSet").get(0).asText()).isEqualTo(fileId);
    }

    @Test
    void deletingOriginalFilesDeletesTheMedia() {
        String fileId = uploaded();
        actions.delete.handle(actions.call(), request("{\"FileId\":\"" + fileId + "\",\"DeleteParts\":"
                + "[{\"Type\":\"OriginalFiles\",\"Definition\":0}]}"));
        assertThat(platform.node().catalog().find(fileId)).isEmpty();
    }

    @Test
    void deletingDerivedFilesKeepsTheMediaAndReportsOnlyThePartsThePlatformMakes() {
        String fileId = uploaded();
        actions.delete.handle(actions.call(), request("{\"FileId\":\"" + fileId + "\",\"DeleteParts\":"
                + "[{\"Type\":\"WechatPublishFiles\",\"Definition\":0}]}"));
        assertThat(platform.node().catalog().events(fileId)).as("no WeChat files here: nothing to report").hasSize(1);
        actions.delete.handle(actions.call(), request("{\"FileId\":\"" + fileId + "\",\"DeleteParts\":"
                + "[{\"Type\":\"TranscodeFiles\",\"Definition\":100010}]}"));
        assertThat(platform.node().catalog().find(fileId)).isPresent();
        assertThat(platform.node().catalog().events(fileId)).hasSize(2);
        assertThat(platform.node().catalog().events(fileId).getLast().event().body())
                .contains("\"DeleteParts\":[{\"Type\":\"TranscodeFiles\",\"Definition\":100010}]");
    }

    @Test
    void anUnknownOrDeletedOrForeignFileIdDoesNotExist() {
        assertThat(code("{\"FileId\":\"5000000000000000001\"}")).isEqualTo("ResourceNotFound.FileNotExist");
        String fileId = uploaded();
        long other = PlatformFixture.APP_ID + 9;
        platform.keys().addApp(PlatformFixture.APP_ID, other, "other");
        assertThat(code("{\"FileId\":\"" + fileId + "\",\"SubAppId\":" + other + "}")).isEqualTo("ResourceNotFound.FileNotExist");
        assertThat(platform.node().catalog().find(fileId)).isPresent();
        actions.delete.handle(actions.call(), request("{\"FileId\":\"" + fileId + "\"}"));
        assertThat(code("{\"FileId\":\"" + fileId + "\"}")).isEqualTo("ResourceNotFound.FileNotExist");
        assertThat(platform.node().catalog().events(fileId)).as("one FileDeleted only").hasSize(2);
    }

    @Test
    void refusesMissingFileIdsAndUnknownPartTypes() {
        assertThat(code("{}")).isEqualTo("MissingParameter");
        assertThat(code("{\"FileId\":5}")).isEqualTo("InvalidParameter");
        String fileId = uploaded();
        assertThat(code("{\"FileId\":\"" + fileId + "\",\"DeleteParts\":[{\"Type\":\"Everything\"}]}"))
                .isEqualTo("InvalidParameterValue");
        assertThat(code("{\"FileId\":\"" + fileId + "\",\"DeleteParts\":[\"OriginalFiles\"]}")).isEqualTo("InvalidParameter");
        assertThat(platform.node().catalog().find(fileId)).isPresent();
    }

    private static String uploaded() {
        return Uploads.uploadSmall(platform, "some bytes".getBytes(), b -> b).get("fileId").asText();
    }

    private static String code(String json) {
        return catchThrowableOfType(CloudApiException.class, () -> actions.delete.handle(actions.call(), request(json))).code();
    }
}
