package io.openvod.platform.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API 3.0 front door over HTTP: every refusal is an envelope with HTTP 200 and a request id. */
class CloudApiFrontDoorHttpTest {
    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static Tc3TestClient api;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
        api = new Tc3TestClient(platform.url(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aSignedCallAnswersWithTheRequestIdInBodyAndHeader() {
        Tc3TestClient.Answer answer = api.call("DescribeEventsState", "{}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        assertThat(answer.response().get("CountOfEventsToPull").isIntegralNumber()).isTrue();
        assertThat(answer.response().get("RequestId").asText()).matches("[0-9a-f-]{36}").isEqualTo(answer.requestIdHeader());
    }

    @Test
    void signatureProblemsAreAuthFailures() {
        long now = Clock.systemUTC().instant().getEpochSecond();
        assertError(api.call("DescribeEventsState", "2018-07-17", PlatformFixture.SECRET_ID, "another-key", now, "{}"),
                "AuthFailure.SignatureFailure");
        assertError(api.call("DescribeEventsState", "2018-07-17", "AKIDUNKNOWN0000000000000000000000000", "k", now, "{}"),
                "AuthFailure.SecretIdNotFound");
        assertError(api.call("DescribeEventsState", "2018-07-17", PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, now - 600, "{}"),
                "AuthFailure.SignatureExpire");
        assertError(api.send(HttpRequest.newBuilder(URI.create(platform.url() + "/")).header("X-TC-Action", "PullEvents")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build()), "MissingParameter");
    }

    @Test
    void versionActionAndBodyAreChecked() {
        long now = Clock.systemUTC().instant().getEpochSecond();
        assertError(api.call("DescribeEventsState", "2017-03-12", PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, now, "{}"),
                "NoSuchVersion");
        assertError(api.call("DescribeEventsState", null, PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, now, "{}"),
                "MissingParameter");
        assertError(api.call("NoSuchThing", "{}"), "InvalidAction");
        assertError(api.call("DescribeEventsState", "{\"SubAppId\":"), "InvalidParameter");
        assertError(api.call("DescribeEventsState", "[1,2]"), "InvalidParameter");
        assertError(api.call("DescribeEventsState", "{\"SubAppId\":\"x\"}"), "InvalidParameter");
        assertError(api.call("DescribeEventsState", "{\"SubAppId\":42}"), "InvalidParameterValue.SubAppId");
        assertError(api.call("DescribeEventsState", "{\"A\":\"" + "x".repeat((1 << 20) + 1) + "\"}"), "InvalidParameter");
    }

    @Test
    void eventConfigIsValidatedAndKeptPerApplication() {
        assertError(api.call("ModifyEventConfig", "{\"Mode\":\"POLL\"}"), "InvalidParameterValue.Mode");
        assertError(api.call("ModifyEventConfig", "{\"UploadMediaCompleteEventSwitch\":\"on\"}"),
                "InvalidParameterValue.UploadMediaCompleteEventSwitch");
        assertError(api.call("ModifyEventConfig", "{\"NotificationUrl\":\"http://127.0.0.1:9/hook\"}"), "InvalidParameterValue.NotificationUrl");
        assertError(api.call("ModifyEventConfig", "{\"NotificationUrl\":\"http://169.254.169.254/latest\"}"),
                "InvalidParameterValue.NotificationUrl");
        assertError(api.call("ModifyEventConfig", "{\"NotificationUrl\":\"ftp://203.0.113.10/x\"}"), "InvalidParameterValue.NotificationUrl");
        assertError(api.call("ModifyEventConfig", "{\"NotificationUrl\":\"http://[::127.0.0.1]:9/hook\"}"), "InvalidParameterValue.NotificationUrl");
        assertError(api.call("ModifyEventConfig", "{\"NotificationUrl\":\"http://8.8.8.8:65536/hook\"}"), "InvalidParameterValue.NotificationUrl");
        assertError(api.call("ModifyEventConfig", "{\"NotificationUrl\":\"https://203.0.113.10/hook\"}"), "InvalidParameterValue.NotificationUrl");
        platform.keys().addApp(PlatformFixture.APP_ID, 1_500_000_001L, "second");
        assertThat(api.call("ModifyEventConfig", "{\"SubAppId\":1500000001,\"Mode\":\"PULL\",\"NotificationUrl\":\"https://8.8.8.8/hook\","
                + "\"PersistenceCompleteEventSwitch\":\"ON\"}").errorCode()).isNull();
        var second = api.call("DescribeEventConfig", "{\"SubAppId\":1500000001}").response();
        assertThat(second.get("Mode").asText()).isEqualTo("PULL");
        assertThat(second.get("NotificationUrl").asText()).isEqualTo("https://8.8.8.8/hook");
        assertThat(second.get("PersistenceCompleteEventSwitch").asText()).isEqualTo("ON");
        assertThat(second.get("UploadMediaCompleteEventSwitch").asText()).isEqualTo("ON");
        assertThat(api.call("ModifyEventConfig", "{\"SubAppId\":1500000001,\"NotificationUrl\":\"\"}").errorCode()).isNull();
        assertThat(api.call("DescribeEventConfig", "{\"SubAppId\":1500000001}").response().get("NotificationUrl").asText()).isEmpty();
        assertThat(api.call("DescribeEventConfig", "{}").response().get("Mode").asText()).isEqualTo("PUSH");
    }

    @Test
    void confirmEventsChecksItsHandles() {
        assertError(api.call("ConfirmEvents", "{}"), "MissingParameter");
        assertError(api.call("ConfirmEvents", "{\"EventHandles\":[]}"), "InvalidParameterValue.EventHandles");
        assertError(api.call("ConfirmEvents", "{\"EventHandles\":[1]}"), "InvalidParameter");
        assertError(api.call("ConfirmEvents", "{\"EventHandles\":[\"no-such-handle\"]}"), "InvalidParameter");
    }

    private static void assertError(Tc3TestClient.Answer answer, String code) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorCode()).as(answer.body().toString()).isEqualTo(code);
        assertThat(answer.response().get("Error").get("Message").asText()).isNotEmpty();
        assertThat(answer.response().get("RequestId").asText()).isNotEmpty().isEqualTo(answer.requestIdHeader());
    }
}
