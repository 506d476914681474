package io.openvod.platform.cloudapi;

import static io.openvod.platform.cloudapi.MediaActionsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeMediaInfosActionTest {
    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static MediaActionsFixture actions;
    static String clipId;
    static String blobId;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformFixture.start(dir.resolve("platform"));
        actions = new MediaActionsFixture(platform);
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240));
        clipId = Uploads.uploadSmall(platform, clip, b -> b.sourceContext("from the test")).get("fileId").asText();
        blobId = Uploads.uploadSmall(platform, "not a video".getBytes(), b -> b).get("fileId").asText();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void answersBasicInfoAndMetaDataOfKnownMediaAndListsUnknownFileIds() {
        ObjectNode answer = actions.describe.handle(actions.call(),
                request("{\"FileIds\":[\"" + clipId + "\",\"5000000000000000001\",\"" + clipId + "\"]}"));

        assertThat(answer.get("NotExistFileIdSet")).hasSize(1);
        assertThat(answer.get("NotExistFileIdSet").get(0).asText()).isEqualTo("5000000000000000001");
        assertThat(answer.get("MediaInfoSet")).as("a repeated FileId is answered once").hasSize(1);
        JsonNode info = answer.get("MediaInfoSet").get(0);
        assertThat(info.get("FileId").asText()).isEqualTo(clipId);
        JsonNode basic = info.get("BasicInfo");
        assertThat(basic.get("Type").asText()).isEqualTo("mp4");
        assertThat(basic.get("ClassId").isIntegralNumber()).isTrue();
        assertThat(basic.get("CreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(basic.get("ExpireTime").asText()).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(basic.get("MediaUrl").asText()).startsWith(platform.url() + "/");
        assertThat(basic.get("SourceInfo").get("SourceContext").asText()).isEqualTo("from the test");
        JsonNode meta = info.get("MetaData");
        assertThat(meta.get("Width").asLong()).isEqualTo(320);
        assertThat(meta.get("Height").isIntegralNumber()).isTrue();
        assertThat(meta.get("Size").isIntegralNumber()).isTrue();
        assertThat(meta.get("Duration").isNumber()).isTrue();
        assertThat(meta.get("VideoStreamSet").get(0).get("Fps").isIntegralNumber()).isTrue();
        assertThat(info.has("TranscodeInfo")).isTrue();
        assertThat(info.get("TranscodeInfo").isNull()).isTrue();
        assertThat(info.get("ReviewInfo").isNull()).isTrue();
    }

    @Test
    void filtersSelectBasicInfoOrMetaDataAndIgnoreTheRest() {
        ObjectNode basicOnly = actions.describe.handle(actions.call(),
                request("{\"FileIds\":[\"" + clipId + "\"],\"Filters\":[\"basicInfo\",\"transcodeInfo\"]}"));
        JsonNode info = basicOnly.get("MediaInfoSet").get(0);
        assertThat(info.get("BasicInfo").isObject()).isTrue();
        assertThat(info.get("MetaData").isNull()).isTrue();

        ObjectNode metaOnly = actions.describe.handle(actions.call(),
                request("{\"FileIds\":[\"" + clipId + "\"],\"Filters\":[\"metaData\"],\"SubAppId\":" + PlatformFixture.APP_ID + "}"));
        assertThat(metaOnly.get("MediaInfoSet").get(0).get("BasicInfo").isNull()).isTrue();
        assertThat(metaOnly.get("MediaInfoSet").get(0).get("MetaData").get("Width").asLong()).isEqualTo(320);
    }

    @Test
    void mediaFfmpegCouldNotReadHasMetaDataWithItsSizeOnly() {
        JsonNode meta = actions.describe.handle(actions.call(), request("{\"FileIds\":[\"" + blobId + "\"]}"))
                .get("MediaInfoSet").get(0).get("MetaData");
        assertThat(meta.get("Size").asLong()).isEqualTo("not a video".length());
        assertThat(meta.get("Width").asLong()).isZero();
        assertThat(meta.get("VideoStreamSet")).isEmpty();
    }

    @Test
    void mediaOfAnotherApplicationDoesNotExistThere() {
        long other = PlatformFixture.APP_ID + 7;
        platform.keys().addApp(PlatformFixture.APP_ID, other, "other");
        ObjectNode answer = actions.describe.handle(actions.call(),
                request("{\"FileIds\":[\"" + clipId + "\"],\"SubAppId\":" + other + "}"));
        assertThat(answer.get("MediaInfoSet")).isEmpty();
        assertThat(answer.get("NotExistFileIdSet").get(0).asText()).isEqualTo(clipId);
    }

    @Test
    void refusesMissingEmptyTooManyAndMistypedFileIdsAndForeignSubAppIds() {
        assertThat(code("{}")).isEqualTo("MissingParameter");
        assertThat(code("{\"FileIds\":[]}")).isEqualTo("InvalidParameterValue.FileIdsEmpty");
        String many = String.join(",", IntStream.range(0, 21).mapToObj(i -> "\"" + i + "\"").toList());
        assertThat(code("{\"FileIds\":[" + many + "]}")).isEqualTo("InvalidParameterValue.FileIdsTooMany");
        assertThat(code("{\"FileIds\":[5]}")).isEqualTo("InvalidParameter");
        assertThat(code("{\"FileIds\":\"" + clipId + "\"}")).isEqualTo("InvalidParameter");
        assertThat(code("{\"FileIds\":[\"" + clipId + "\"],\"SubAppId\":\"x\"}")).isEqualTo("InvalidParameter");
        assertThat(code("{\"FileIds\":[\"" + clipId + "\"],\"SubAppId\":1}")).isEqualTo("InvalidParameterValue.SubAppId");
    }

    private static String code(String json) {
        return catchThrowableOfType(CloudApiException.class, () -> actions.describe.handle(actions.call(), request(json))).code();
    }
}
