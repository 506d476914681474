package io.openvod.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScannerTest {
    // Built at run time so that no constant of this class is a secret the listener remembers.
    private static final String PLANTED = "planted" + "-secret-" + Long.toHexString(0x5ec7e7L) + "-0123456789";

    @Test
    void aRememberedSecretInALogIsFoundWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("SomeTest-output.txt"), "first line\nsecond line\nrequest with key " + PLANTED + " refused\n");

        LogScanner.Result result = LogScanner.scan(List.of(log), List.of(PLANTED), Set.of("m"), Map.of("m", 1));

        assertThat(result.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.file()).isEqualTo(log);
            assertThat(hit.line()).isEqualTo(3);
        });
        assertThat(result.lines()).isEqualTo(3);
        assertThat(result.secrets()).isEqualTo(1);
    }

    @Test
    void theReportOfAHitNeverContainsTheSecret(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), "x " + PLANTED + "\n" + "{\"tmpSecretKey\":\"" + PLANTED.toUpperCase() + "\"}\n");

        LogScanner.Result result = LogScanner.scan(List.of(log), List.of(PLANTED), Set.of("m"), Map.of("m", 1));

        assertThat(result.hits()).hasSize(2);
        for (LogScanner.Hit hit : result.hits()) {
            assertThat(hit.toString()).contains("a.log:").contains(PLANTED.length() + " chars")
                    .doesNotContain(PLANTED).doesNotContain(PLANTED.toUpperCase()).doesNotContain(PLANTED.substring(0, 8));
        }
        assertThat(result.summary()).doesNotContain(PLANTED);
    }

    @Test
    void aCleanLogHasNoHits(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), String.join("\n",
                "12:00:00.000 WARN  i.o.p.cos.CosService - refused: SignatureDoesNotMatch (SecretId AKIDplatformtest)",
                "password=**** token=****",
                "{\"secretKey\":\"****\",\"token\":null}",
                "tokenHash=0123456789abcdef0123456789abcdef",
                "whsec_*** is not a webhook secret",
                "Bearer realm=\"openvod\""));

        assertThat(LogScanner.scan(List.of(log), List.of(PLANTED), Set.of(), Map.of()).hits()).isEmpty();
    }

    @Test
    void secretShapesAreFoundWithoutBeingRemembered() {
        String base64 = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(SecretShapes.find("secrets: [whsec_" + base64 + "]")).get().extracting(SecretShapes.Match::shape)
                .isEqualTo("whsec_ webhook secret");
        assertThat(SecretShapes.find("{\"Credentials\":{\"TmpSecretKey\":\"" + base64 + "\"}}")).isPresent();
        assertThat(SecretShapes.find("user=alice password=" + base64)).isPresent();
        assertThat(SecretShapes.find("x-cos-security-token: " + base64)).isPresent();
        assertThat(SecretShapes.find("Authorization: Bearer " + base64)).isPresent();
        assertThat(SecretShapes.find("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg")).isPresent();
        assertThat(SecretShapes.find("signed in with ovs_" + base64 + "abcdefghijk")).get().extracting(SecretShapes.Match::shape)
                .isEqualTo("app session or API token");
        assertThat(SecretShapes.find("token: short")).isEmpty();
    }

    @Test
    void aCheckoutScanReadsEveryModulesLogsAndSecrets(@TempDir Path root) throws Exception {
        Path module = root.resolve("openvod-x");
        Files.createDirectories(module.resolve("target/surefire-reports"));
        Files.createDirectories(module.resolve("target/test-logs/nested"));
        Files.createDirectories(module.resolve("target/test-secrets"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Files.writeString(module.resolve("target/surefire-reports/ATest-output.txt"), "clean\n");
        Files.writeString(module.resolve("target/surefire-reports/TEST-ATest.xml"), PLANTED);
        Files.writeString(module.resolve("target/test-logs/nested/tests.log"), "ok\nleak " + PLANTED + "\n");
        Files.writeString(module.resolve("target/test-secrets/secrets-1.txt"), PLANTED + "\nshort\n");

        LogScanner.Result result = LogScanner.scanCheckout(root);

        assertThat(result.logs()).hasSize(2);
        assertThat(result.modulesWithLogs()).containsExactly("openvod-x");
        assertThat(result.secretsByModule()).containsExactly(Map.entry("openvod-x", 1));
        assertThat(result.secrets()).isEqualTo(1);
        assertThat(result.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.file()).endsWith(Path.of("target/test-logs/nested/tests.log"));
            assertThat(hit.line()).isEqualTo(2);
        });
    }

    @Test
    void secretNamedConstantsAreRecognised() {
        assertThat(TestSecrets.secretName("WEBHOOK_SECRET")).isTrue();
        assertThat(TestSecrets.secretName("HS_SECRET")).isTrue();
        assertThat(TestSecrets.secretName("SECRET_KEY")).isTrue();
        assertThat(TestSecrets.secretName("PASSWORD")).isTrue();
        assertThat(TestSecrets.secretName("PATH_TOKEN")).isTrue();
        assertThat(TestSecrets.secretName("KEY_A")).isTrue();
        assertThat(TestSecrets.secretName("secretKey")).isTrue();
        assertThat(TestSecrets.secretName("KEY_A_ID")).isFalse();
        assertThat(TestSecrets.secretName("secretId")).isFalse();
        assertThat(TestSecrets.secretName("OBJECT_KEY")).isFalse();
        assertThat(TestSecrets.secretName("JSON")).isFalse();
    }
}
