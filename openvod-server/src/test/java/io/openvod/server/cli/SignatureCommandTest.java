package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.signature.Credential;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.signature.VerifiedUploadSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * Tencent's own sample ({@code createFileUploadSignature} of the seed document) always writes
     * {@code procedure, classId, oneTimeValid, sourceContext}, even when empty or 0. These are its
     * outputs, computed by running the seed's function as published under Node 20 with the clock
     * and {@code Math.random} fixed (they are also the vectors {@code seed-sample-*} of
     * openvod-signature's {@code upload-signature-node.json}, made by
     * {@code src/test/scripts/compute-upload-vectors.js}): the signature and the original it signs.
     */
    record SeedSample(String name, String oneTimeValid, String original, String signature, String... options) {
    }

    static final List<SeedSample> SEED_SAMPLES = List.of(
            new SeedSample("createFileUploadSignature({})", "0",
                    "secretId=AKIDTESTSECRETID00000000000000000000&currentTimeStamp=1700000000&expireTime=1700086400"
                            + "&random=2718281828&procedure=&classId=0&oneTimeValid=0&sourceContext=",
                    "sbT5LV2iVkeaNMmHW4pDiN2YmOFzZWNyZXRJZD1BS0lEVEVTVFNFQ1JFVElEMDAwMDAwMDAwMDAwMDAwMDAwMDAmY3VycmVudFRpbWVTdGFtcD0xNzAwMDAwMDAwJmV4cGlyZVRpbWU9MTcwMDA4NjQwMCZyYW5kb209MjcxODI4MTgyOCZwcm9jZWR1cmU9JmNsYXNzSWQ9MCZvbmVUaW1lVmFsaWQ9MCZzb3VyY2VDb250ZXh0PQ==",
                    "--random", "2718281828", "--validity", "86400s", "--procedure", "", "--class-id", "0", "--source-context", ""),
            new SeedSample("createFileUploadSignature({oneTimeValid: 1})", "1",
                    "secretId=AKIDTESTSECRETID00000000000000000000&currentTimeStamp=1700000000&expireTime=1700086400"
                            + "&random=2718281828&procedure=&classId=0&oneTimeValid=1&sourceContext=",
                    "SnN0xojys5kfV78Z1QD4opBxo1hzZWNyZXRJZD1BS0lEVEVTVFNFQ1JFVElEMDAwMDAwMDAwMDAwMDAwMDAwMDAmY3VycmVudFRpbWVTdGFtcD0xNzAwMDAwMDAwJmV4cGlyZVRpbWU9MTcwMDA4NjQwMCZyYW5kb209MjcxODI4MTgyOCZwcm9jZWR1cmU9JmNsYXNzSWQ9MCZvbmVUaW1lVmFsaWQ9MSZzb3VyY2VDb250ZXh0PQ==",
                    "--random", "2718281828", "--validity", "1d", "--procedure", "", "--class-id", "0", "--source-context", ""),
            new SeedSample("createFileUploadSignature({timeStamp: 600, procedure: 'QCVB_SimpleProcessFile(1,1)', classId: 3, "
                    + "oneTimeValid: 0, sourceContext: 'user 42/测试'})", "0",
                    "secretId=AKIDTESTSECRETID00000000000000000000&currentTimeStamp=1700000000&expireTime=1700000600"
                            + "&random=3141592653&procedure=QCVB_SimpleProcessFile(1%2C1)&classId=3&oneTimeValid=0"
                            + "&sourceContext=user%2042%2F%E6%B5%8B%E8%AF%95",
                    "zJ6ZwXmGB/D/uF19tU23BE50GlRzZWNyZXRJZD1BS0lEVEVTVFNFQ1JFVElEMDAwMDAwMDAwMDAwMDAwMDAwMDAmY3VycmVudFRpbWVTdGFtcD0xNzAwMDAwMDAwJmV4cGlyZVRpbWU9MTcwMDAwMDYwMCZyYW5kb209MzE0MTU5MjY1MyZwcm9jZWR1cmU9UUNWQl9TaW1wbGVQcm9jZXNzRmlsZSgxJTJDMSkmY2xhc3NJZD0zJm9uZVRpbWVWYWxpZD0wJnNvdXJjZUNvbnRleHQ9dXNlciUyMDQyJTJGJUU2JUI1JThCJUU4JUFGJTk1",
                    "--random", "3141592653", "--validity", "10m", "--procedure", "QCVB_SimpleProcessFile(1,1)", "--class-id", "3",
                    "--source-context", "user 42/测试"),
            new SeedSample("createFileUploadSignature({timeStamp: 600, procedure: 'QCVB_SimpleProcessFile(1,1)', classId: 3, "
                    + "oneTimeValid: 1, sourceContext: 'user 42/测试'})", "1",
                    "secretId=AKIDTESTSECRETID00000000000000000000&currentTimeStamp=1700000000&expireTime=1700000600"
                            + "&random=3141592653&procedure=QCVB_SimpleProcessFile(1%2C1)&classId=3&oneTimeValid=1"
                            + "&sourceContext=user%2042%2F%E6%B5%8B%E8%AF%95",
                    "7PCzSaIXcMrQ/OXoqBN7c+/FhDlzZWNyZXRJZD1BS0lEVEVTVFNFQ1JFVElEMDAwMDAwMDAwMDAwMDAwMDAwMDAmY3VycmVudFRpbWVTdGFtcD0xNzAwMDAwMDAwJmV4cGlyZVRpbWU9MTcwMDAwMDYwMCZyYW5kb209MzE0MTU5MjY1MyZwcm9jZWR1cmU9UUNWQl9TaW1wbGVQcm9jZXNzRmlsZSgxJTJDMSkmY2xhc3NJZD0zJm9uZVRpbWVWYWxpZD0xJnNvdXJjZUNvbnRleHQ9dXNlciUyMDQyJTJGJUU2JUI1JThCJUU4JUFGJTk1",
                    "--random", "3141592653", "--validity", "10m", "--procedure", "QCVB_SimpleProcessFile(1,1)", "--class-id", "3",
                    "--source-context", "user 42/测试"));

    static List<SeedSample> seedSamples() {
        return SEED_SAMPLES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedSamples")
    void signShouldWriteTheSeedSamplesSignaturesByteForByteWithOneTimeValid0And1(SeedSample sample) throws Exception {
        List<String> args = new ArrayList<>(List.of("signature", "sign", "--secret-id", SECRET_ID, "--secret-key-stdin",
                "--current-time", "1700000000", "--one-time-valid", sample.oneTimeValid()));
        args.addAll(List.of(sample.options()));
        CliRun plain = CliRun.run(Map.of(), SECRET_KEY + "\n", args.toArray(String[]::new));
        assertThat(plain.status()).as(plain.err()).isZero();
        assertThat(plain.out().strip()).isEqualTo(sample.signature());

        args.add("--json");
        CliRun json = CliRun.run(Map.of(), SECRET_KEY + "\n", args.toArray(String[]::new));
        JsonNode out = new ObjectMapper().readTree(json.out());
        assertThat(out.get("original").asText()).isEqualTo(sample.original());
        assertThat(out.get("signature").asText()).isEqualTo(sample.signature());
        assertThat(Base64.getDecoder().decode(sample.signature())).as("HMAC-SHA1 (20 bytes) followed by the original")
                .endsWith(sample.original().getBytes(StandardCharsets.UTF_8)).hasSize(20 + sample.original().length());
    }

    @Test
    void oneTimeValidShouldBeOneWhenGivenAloneAndLeftOutWhenNotGiven() throws Exception {
        String[] base = {"signature", "sign", "--secret-id", SECRET_ID, "--current-time", "1700000000", "--random", "1", "--json"};
        CliRun alone = CliRun.run(Map.of("OPENVOD_SECRET_KEY", SECRET_KEY), "", concat(base, "--one-time-valid", "--procedure", "p"));
        assertThat(new ObjectMapper().readTree(alone.out()).get("original").asText()).endsWith("&procedure=p&oneTimeValid=1");
        CliRun absent = CliRun.run(Map.of("OPENVOD_SECRET_KEY", SECRET_KEY), "", base);
        assertThat(new ObjectMapper().readTree(absent.out()).get("original").asText()).doesNotContain("oneTimeValid");
        CliRun two = CliRun.run(Map.of("OPENVOD_SECRET_KEY", SECRET_KEY), "", concat(base, "--one-time-valid", "2"));
        assertThat(two.status()).isEqualTo(2);
        assertThat(two.err()).contains("INVALID_ARGUMENT").contains("oneTimeValid must be 0 or 1");
        assertThat(two.out()).isEmpty();
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
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
