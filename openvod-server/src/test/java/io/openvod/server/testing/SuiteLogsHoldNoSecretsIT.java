package io.openvod.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.testing.LogScanner;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The logs of the whole suite hold none of the secrets its tests created. Runs in openvod-server's
 * integration-test phase, after the tests of every module (openvod-server is the last module of the
 * build), and reads each module's {@code target/}: the test logs and the remembered secrets
 * ({@link TestSecrets}). It fails on any hit, naming file, line and the masked secret, and, when
 * all tests ran, when it had too little to scan (no openvod-server logs, too few remembered secrets).
 */
class SuiteLogsHoldNoSecretsIT {
    /** The fewest remembered secrets a full run of openvod-server's tests leaves (a full run leaves many more). */
    private static final int MIN_SERVER_SECRETS = 20;

    @Test
    void noTestLogHoldsASecret() throws IOException {
        Path checkout = Path.of(System.getProperty("openvod.checkout", "..")).toAbsolutePath().normalize();
        assertThat(checkout.resolve("openvod-server/pom.xml")).as("the checkout's root").isRegularFile();

        assertThat(lastModule(checkout)).as("openvod-server is the last module of the build, so every other module's tests ran before")
                .isEqualTo("openvod-server");
        for (Path module : LogScanner.modules(checkout)) {
            if (module.getFileName().toString().equals("openvod-server")) {
                continue;
            }
            assertThat(Files.readString(module.resolve("pom.xml"))).as("%s depends on openvod-server, so it would build after the scan", module)
                    .doesNotContain("<artifactId>openvod-server</artifactId>");
        }

        LogScanner.Result result = LogScanner.scanCheckout(checkout);
        System.out.println("[openvod] test log scan: " + result.summary());

        assertThat(result.hits())
                .as("test log lines holding a secret (%d):%n%s", result.hits().size(),
                        result.hits().stream().map(LogScanner.Hit::toString).collect(Collectors.joining(System.lineSeparator())))
                .isEmpty();
        if (!wholeSuite()) {
            System.out.println("[openvod] test log scan: tests were selected (-Dtest), so the scan does not require a minimum to scan");
            return;
        }
        assertThat(result.modulesWithLogs()).as("modules whose test logs were found; " + result.summary()).contains("openvod-server");
        assertThat(result.lines()).as("log lines scanned").isPositive();
        assertThat(result.secretsByModule().getOrDefault("openvod-server", 0)).as("secrets openvod-server's tests remembered; " + result.summary())
                .isGreaterThanOrEqualTo(MIN_SERVER_SECRETS);
    }

    /** Whether all tests ran: {@code -Dtest=…} reaches this test as {@code openvod.test.selection}. */
    private static boolean wholeSuite() {
        String selection = System.getProperty("openvod.test.selection", "");
        return selection.isBlank() || selection.startsWith("${");
    }

    private static String lastModule(Path checkout) throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(checkout.resolve("pom.xml")));
        String last = null;
        while (module.find()) {
            last = module.group(1).strip();
        }
        return last;
    }
}
