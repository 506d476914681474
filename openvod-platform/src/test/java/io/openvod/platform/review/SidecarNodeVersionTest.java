package io.openvod.platform.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The review sidecar runs on the Node.js the README, the launchers and CI name: 20 and newer. Its
 * own {@code engines} says so, and no package its lock file installs asks for a newer Node.js (as
 * nsfwjs 4.4.0 does with {@code "node": "22.13.0"}; 4.3.0 has the same model and code without it).
 */
class SidecarNodeVersionTest {
    private static final Path SIDECAR = Path.of("src/main/node/review");
    /** The oldest Node.js the project supports, and the one CI runs. */
    private static final List<Version> SUPPORTED = List.of(new Version(20, 0, 0), new Version(20, 20, 2));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSidecarAsksForNode20OrNewer() throws IOException {
        JsonNode manifest = JSON.readTree(SIDECAR.resolve("package.json").toFile());
        assertThat(manifest.path("engines").path("node").asText()).isEqualTo(">=20");
    }

    @Test
    void everyInstalledPackageAcceptsNode20() throws IOException {
        JsonNode lock = JSON.readTree(SIDECAR.resolve("package-lock.json").toFile());
        List<String> refusing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> entry : lock.path("packages").properties()) {
            JsonNode range = entry.getValue().path("engines").path("node");
            if (!range.isTextual()) {
                continue;
            }
            checked++;
            for (Version node : SUPPORTED) {
                if (!accepts(range.asText(), node)) {
                    refusing.add((entry.getKey().isEmpty() ? "the sidecar" : entry.getKey()) + " " + entry.getValue().path("version")
                            .asText() + " wants node " + range.asText() + ", not " + node);
                }
            }
        }
        assertThat(checked).as("packages with an engines.node field").isGreaterThan(10);
        assertThat(refusing).isEmpty();
        assertThat(lock.path("packages").path("node_modules/nsfwjs").path("version").asText()).isEqualTo("4.3.0");
    }

    @Test
    void theRangeReaderReadsTheFormsNpmWrites() {
        Version twenty = new Version(20, 0, 0);
        assertThat(accepts(">=8", twenty)).isTrue();
        assertThat(accepts(">= 0.4", twenty)).isTrue();
        assertThat(accepts("6.* || 8.* || >= 10.*", twenty)).isTrue();
        assertThat(accepts("4.x || >=6.0.0", twenty)).isTrue();
        assertThat(accepts("22.13.0", twenty)).isFalse();
        assertThat(accepts(">=22.13.0", new Version(20, 20, 2))).isFalse();
        assertThat(accepts("^18.0.0 || ^20.0.0", twenty)).isTrue();
        assertThat(accepts(">=18 <20", twenty)).isFalse();
    }

    /** Whether an npm semver range of the forms found in lock files accepts {@code v}. */
    static boolean accepts(String range, Version v) {
        for (String alternative : range.split("\\|\\|")) {
            boolean all = true;
            for (String comparator : alternative.strip().replaceAll("([<>=^~]+)\\s+", "$1").split("\\s+")) {
                all &= comparator.isEmpty() || satisfies(comparator, v);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean satisfies(String comparator, Version v) {
        String op = comparator.replaceAll("^([<>=^~]*).*", "$1");
        String text = comparator.substring(op.length());
        String[] parts = text.split("\\.");
        boolean wildMinor = parts.length < 2 || parts[1].equals("*") || parts[1].equals("x");
        boolean wildPatch = parts.length < 3 || parts[2].equals("*") || parts[2].equals("x");
        Version low = new Version(Integer.parseInt(parts[0]), wildMinor ? 0 : Integer.parseInt(parts[1]),
                wildPatch ? 0 : Integer.parseInt(parts[2]));
        int c = v.compareTo(low);
        return switch (op) {
            case ">=" -> c >= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case "^" -> c >= 0 && v.major() == low.major();
            case "~" -> c >= 0 && v.major() == low.major() && v.minor() == low.minor();
            case "", "=" -> wildMinor ? v.major() == low.major()
                    : wildPatch ? v.major() == low.major() && v.minor() == low.minor() : c == 0;
            default -> throw new IllegalArgumentException("a range form this test does not read: " + comparator);
        };
    }

    record Version(int major, int minor, int patch) implements Comparable<Version> {
        @Override
        public int compareTo(Version o) {
            return major != o.major ? Integer.compare(major, o.major)
                    : minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }
}
