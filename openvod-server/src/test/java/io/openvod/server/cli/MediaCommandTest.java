package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.server.dev.DevStack;
import io.openvod.server.dev.DevUploads;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openvod media list|show|delete} against a running dev stack (no task-flow workers): the
 * platform and key come from dev.json by default, or from the flags and environment; unknown
 * media is exit 4 with the platform's message, a wrong key exit 2.
 */
class MediaCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static DevStack dev;
    static String state;
    static final List<String> uploaded = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dev = DevStack.start(DevUploads.config(dir, "platform.flows.workers=0"), dir.resolve("state"), Clock.systemUTC());
        DevUploads.remember(dev);
        state = dir.resolve("state").toString();
        uploaded.add(DevUploads.uploadAsDemo(dev, "first media".getBytes(), "mp4"));
        uploaded.add(DevUploads.uploadAsDemo(dev, "second media".getBytes(), "mp4"));
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    @Test
    void listsAndShowsTheDevApplicationsMediaWithTheKeyOfDevJson() throws Exception {
        CliRun list = CliRun.run("media", "list", "--state", state, "--json");
        assertThat(list.status()).as(list.err()).isZero();
        JsonNode listed = JSON.readTree(list.out());
        assertThat(listed.get("TotalCount").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        listed.get("MediaInfoSet").forEach(info -> ids.add(info.get("FileId").asText()));
        assertThat(ids).as("newest first").containsExactly(uploaded.get(1), uploaded.get(0));

        CliRun table = CliRun.run("media", "list", "--state", state, "--limit", "1");
        assertThat(table.status()).as(table.err()).isZero();
        assertThat(table.out()).contains("FILE ID", uploaded.get(1), "demo clip", "1 of 2 media").doesNotContain(uploaded.get(0));

        CliRun show = CliRun.run("media", "show", uploaded.get(0), "--state", state);
        assertThat(show.status()).as(show.err()).isZero();
        JsonNode info = JSON.readTree(show.out());
        assertThat(info.get("FileId").asText()).isEqualTo(uploaded.get(0));
        assertThat(info.get("MetaData").get("Size").asLong()).isEqualTo("first media".length());
        assertThat(show.out()).as("the task flows follow the JSON").containsPattern("\n}\ntask flows: \\S+-(procedurev2|ReviewAudioVideo)-")
                .containsPattern("\\S+-procedurev2-\\S+ \\(Procedure, WAITING\\)")
                .containsPattern("\\S+-ReviewAudioVideo-\\S+ \\(ReviewAudioVideo, WAITING\\)");
        CliRun raw = CliRun.run("media", "show", uploaded.get(0), "--state", state, "--json");
        JsonNode response = JSON.readTree(raw.out());
        assertThat(response.get("MediaInfoSet").get(0).get("BasicInfo").get("Name").asText()).isEqualTo("demo clip");
        assertThat(response.get("TaskSet")).as("DescribeTasks' TaskSet of the media").hasSize(2)
                .allSatisfy(t -> assertThat(t.get("FileId").asText()).isEqualTo(uploaded.get(0)));
    }

    @Test
    void deletesMediaAndAnswersExitFourForUnknownFileIds() throws Exception {
        String fileId = DevUploads.uploadAsDemo(dev, "to delete".getBytes(), "mp4");
        CliRun delete = CliRun.run("media", "delete", fileId, "--state", state, "--json");
        assertThat(delete.status()).as(delete.err()).isZero();
        assertThat(JSON.readTree(delete.out()).has("RequestId")).isTrue();

        CliRun show = CliRun.run("media", "show", fileId, "--state", state);
        assertThat(show.status()).isEqualTo(4);
        assertThat(show.err()).contains("NOT_FOUND", "no media " + fileId);
        CliRun again = CliRun.run("media", "delete", fileId, "--state", state);
        assertThat(again.status()).isEqualTo(4);
        assertThat(again.err()).contains("ResourceNotFound.FileNotExist", fileId);
    }

    @Test
    void takesThePlatformAndKeyFromFlagsAndEnvironmentAndRefusesAWrongKey() throws Exception {
        String nowhere = dir.resolve("no-dev-here").toString();
        Map<String, String> env = Map.of("OPENVOD_SECRET_ID", dev.key().secretId(), "OPENVOD_SECRET_KEY", dev.key().secretKey());
        CliRun list = CliRun.run(env, "", "media", "list", "--state", nowhere, "--platform", dev.platform().url(), "--json");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(JSON.readTree(list.out()).get("TotalCount").asInt()).isGreaterThanOrEqualTo(2);

        CliRun wrong = CliRun.run(Map.of(), "", "media", "list", "--state", nowhere, "--platform", dev.platform().url(),
                "--secret-id", dev.key().secretId(), "--secret-key", "not-the-key");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).contains("AuthFailure").doesNotContain("not-the-key");

        CliRun none = CliRun.run(Map.of(), "", "media", "list", "--state", nowhere);
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no platform");
    }
}
