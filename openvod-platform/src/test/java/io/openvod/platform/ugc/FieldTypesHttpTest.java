package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The UGC API takes each field it knows in one JSON type only: numbers as JSON integers (never a
 * digit string, never {@code null}), texts as JSON strings (never a number or {@code null}). Any
 * other type is {@code 10001} over real HTTP, for every action and every shape of Apply, and no
 * upload session is created.
 */
class FieldTypesHttpTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    static Path dir;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("videoSize", NODES.textNode("100")),
                Arguments.of("videoSize", NODES.nullNode()),
                Arguments.of("videoSize", NODES.numberNode(100.5)),
                Arguments.of("videoSize", NODES.booleanNode(true)),
                Arguments.of("coverSize", NODES.textNode("10")),
                Arguments.of("coverSize", NODES.nullNode()),
                Arguments.of("vodSubAppId", NODES.textNode("1250000000")),
                Arguments.of("vodSubAppId", NODES.nullNode()),
                Arguments.of("videoName", NODES.numberNode(5)),
                Arguments.of("videoName", NODES.nullNode()),
                Arguments.of("videoType", NODES.arrayNode().add("mp4")),
                Arguments.of("coverName", NODES.numberNode(1)),
                Arguments.of("coverType", NODES.booleanNode(false)),
                Arguments.of("fileId", NODES.numberNode(5000000000000000001L)),
                Arguments.of("storageRegion", NODES.numberNode(1)),
                Arguments.of("ExpireTime", NODES.numberNode(1_900_000_000)),
                Arguments.of("clientReportId", NODES.objectNode()),
                Arguments.of("clientVersion", NODES.numberNode(12)),
                Arguments.of("vodSessionKey", NODES.nullNode()));
    }

    @ParameterizedTest(name = "Apply with {0} = {1}")
    @MethodSource("wrongTypes")
    void applyRefusesAFieldOfAnotherType(String field, JsonNode value) {
        long before = sessions();
        ObjectNode body = Uploads.applyBody(platform.signature(), "v", "mp4", 100);
        body.set(field, value);
        assertInvalid(platform.ugc("ApplyUploadUGC", body), field);
        assertThat(sessions()).as("no session").isEqualTo(before);
    }

    @ParameterizedTest(name = "resuming Apply with {0} = {1}")
    @MethodSource("wrongTypes")
    void aResumingApplyRefusesAFieldOfAnotherTypeToo(String field, JsonNode value) {
        JsonNode first = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", 100)));
        ObjectNode resume = PlatformFixture.json().put("signature", platform.signature())
                .put("vodSessionKey", first.get("vodSessionKey").asText());
        resume.set(field, value);
        assertInvalid(platform.ugc("ApplyUploadUGC", resume), field);
    }

    @ParameterizedTest(name = "Prepare and Commit with {0} = {1}")
    @MethodSource("wrongTypes")
    void prepareAndCommitRefuseAFieldOfAnotherType(String field, JsonNode value) {
        ObjectNode prepare = PlatformFixture.json().put("signature", platform.signature());
        prepare.set(field, value);
        assertInvalid(platform.ugc("PrepareUploadUGC", prepare), field);
        ObjectNode commit = PlatformFixture.json().put("signature", platform.signature()).put("vodSessionKey", "unknown");
        commit.set(field, value);
        assertInvalid(platform.ugc("CommitUploadUGC", commit), field);
    }

    @Test
    void theRightTypesAreAccepted() {
        ObjectNode body = Uploads.applyBody(platform.signature(), "v", "mp4", 100).put("coverName", "c").put("coverType", "png")
                .put("coverSize", 10).put("vodSubAppId", PlatformFixture.APP_ID).put("clientReportId", "r").put("clientVersion", "1.2.4.0")
                .put("ExpireTime", "2040-01-01T00:00:00Z");
        body.put("unknownField", (String) null);
        JsonNode data = Uploads.data(platform.ugc("ApplyUploadUGC", body));
        assertThat(data.get("cover").get("storagePath").asText()).endsWith(".png");
    }

    private static void assertInvalid(JsonNode answer, String field) {
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(10001);
        assertThat(answer.get("message").asText()).contains(field);
    }

    private static long sessions() {
        return platform.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM upload_sessions")
                .mapTo(Long.class).one());
    }
}
