package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.signature.Credential;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.signature.VerifiedUploadSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature tools, run as a user runs them (vector A of the upload-protocol spec, §2.5). */
class SignatureCommandTest {
    static final String SECRET_ID = "AKIDTESTSECRETID00000000000000000000";
    static final String SECRET_KEY = "TestSecretKey0000000000000000000";
    static final String VECTOR_A = "ItLbSQmch7/KtRew2o+zqZo5qNRzZWNyZXRJZD1BS0lEVEVTVFNFQ1JFVElEMDAwMDAwMDAwMDAwMDAwMDAwMDAmY3VycmVudFRpbWVTdGFtcD0xNzAwMDAwMDAwJmV4cGlyZVRpbWU9MTcwMDA4NjQwMCZyYW5kb209MjIwNjI1";

    @TempDir
    Path dir;

    @Test
    void signShouldReproduceThePublishedVectorWithTheKeyFromStdin() {
        CliRun r = CliRun.run(Map.of(), SECRET_KEY + "\n", "signature", "sign", "--secret-id", SECRET_ID,
                "--secret-key-stdin", "--current-time", "1700000000", "--validity", "1d", "--random", "220625");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo(VECTOR_A);
    }

    @Test
    void signShouldTakeTheKeyFromTheEnvironmentAndWriteEveryOption() throws Exception {
        CliRun r = CliRun.run(Map.of("OPENVOD_SECRET_KEY", SECRET_KEY), "", "signature", "sign", "--secret-id", SECRET_ID,
                "--procedure", "QCVB_SimpleProcessFile(1,1)", "--class-id", "3", "--task-priority", "-4",
                "--task-notify-mode", "Change", "--one-time-valid", "--source-context", "user 42/测试",
                "--session-context", "s", "--sub-app-id", "1500000001", "--storage-region", "ap-guangzhou", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("original").asText()).contains("procedure=QCVB_SimpleProcessFile(1%2C1)&classId=3&taskPriority=-4"
                + "&taskNotifyMode=Change&oneTimeValid=1&sourceContext=user%2042%2F%E6%B5%8B%E8%AF%95&sessionContext=s"
                + "&vodSubAppId=1500000001&storageRegion=ap-guangzhou");
        VerifiedUploadSignature v = UploadSignatureVerifier.builder(SecretKeyLookup.of(new Credential(SECRET_ID, SECRET_KEY)))
                .build().verify(json.get("signature").asText()).orElseThrow();
        assertThat(v.parameters().sourceContext()).contains("user 42/测试");
        assertThat(v.parameters().validity().toMinutes()).isEqualTo(10);
        assertThat(Instant.parse(json.get("expiresAt").asText())).isEqualTo(v.parameters().expiresAt());
    }

    @Test
    void signShouldTakeTheKeyFromTheConfigurationFile() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), "keys:\n  - secretId: " + SECRET_ID + "\n    secretKey: " + SECRET_KEY + "\n");
        CliRun r = CliRun.run("--config", config.toString(), "signature", "sign", "--secret-id", SECRET_ID,
                "--current-time", "2023-11-14T22:13:20Z", "--validity", "24h", "--random", "220625");
        assertThat(r.out().strip()).isEqualTo(VECTOR_A);
    }

    @Test
    void signWithoutAnyKeyShouldFailWithItsCodeAndExplainWhereKeysComeFrom() {
        CliRun r = CliRun.run("signature", "sign", "--secret-id", SECRET_ID);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("SECRET_KEY_UNAVAILABLE").contains("--secret-key-stdin").contains("OPENVOD_SECRET_KEY");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void signShouldRefuseInvalidParametersWithoutPrintingASignature() {
        CliRun tooLong = CliRun.run(Map.of("OPENVOD_SECRET_KEY", SECRET_KEY), "", "signature", "sign", "--secret-id", SECRET_ID,
                "--validity", "91d");
        assertThat(tooLong.status()).isEqualTo(2);
        assertThat(tooLong.err()).contains("INVALID_ARGUMENT").contains("90 days");
        CliRun priority = CliRun.run(Map.of("OPENVOD_SECRET_KEY", SECRET_KEY), "", "signature", "sign", "--secret-id", SECRET_ID,
                "--task-priority", "11");
        assertThat(priority.err()).contains("taskPriority");
        assertThat(tooLong.out() + priority.out()).isEmpty();
    }

    @Test
    void secretKeyShouldNotBeAcceptedAsACommandLineOption() {
        CliRun r = CliRun.run("signature", "sign", "--secret-id", SECRET_ID, "--secret-key", SECRET_KEY);
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void inspectShouldReportTheSpecVectorValidWithItsKey() {
        CliRun r = CliRun.run(Map.of(), SECRET_KEY, "signature", "inspect", "--secret-key-stdin", "--now", "1700000100", VECTOR_A);
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("secretId").contains(SECRET_ID).contains("2023-11-15T22:13:20Z")
                .contains("within validity, expires in 23h 58m 20s").contains("VALID");
    }

    @Test
    void inspectShouldTellExpiredFromBadKeyFromUnverified() throws Exception {
        CliRun expired = CliRun.run(Map.of("OPENVOD_SECRET_KEY", SECRET_KEY), "", "signature", "inspect", "--json", VECTOR_A);
        JsonNode e = new ObjectMapper().readTree(expired.out());
        assertThat(e.get("status").asText()).isEqualTo("REJECTED");
        assertThat(e.get("reason").asText()).isEqualTo("EXPIRED");
        assertThat(expired.status()).isEqualTo(3);

        CliRun badKey = CliRun.run(Map.of("OPENVOD_SECRET_KEY", "another-key"), "", "signature", "inspect", "--now", "1700000100", VECTOR_A);
        assertThat(badKey.out()).contains("REJECTED  BAD_MAC");
        assertThat(badKey.status()).isEqualTo(3);

        CliRun noKey = CliRun.run("signature", "inspect", "--now", "1700000100", VECTOR_A);
        assertThat(noKey.out()).contains("UNVERIFIED").contains("random").contains("220625");
        assertThat(noKey.status()).isZero();
    }

    @Test
    void inspectShouldReportMalformedSignaturesWithTheirReason() {
        assertThat(CliRun.run("signature", "inspect", "not*base64").out()).contains("MALFORMED").contains("MALFORMED_BASE64");
        assertThat(CliRun.run("signature", "inspect", "AAAA").out()).contains("TOO_SHORT");
        CliRun r = CliRun.run("signature", "inspect", "A".repeat(40_000));
        assertThat(r.out()).contains("TOO_LARGE");
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void inspectShouldNameFieldsItIgnores() {
        String sig = io.openvod.signature.UploadSigner.sign(
                "secretId=" + SECRET_ID + "&currentTimeStamp=1700000000&expireTime=1700000600&random=1&futureField=x", SECRET_KEY);
        CliRun r = CliRun.run(Map.of("OPENVOD_SECRET_KEY", SECRET_KEY), "", "signature", "inspect", "--now", "1700000001", sig);
        assertThat(r.out()).contains("futureField (ignored)").contains("VALID");
    }
}
