package io.openvod.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Scans the test logs of every module of a checkout for the secrets the tests remembered
 * ({@link TestSecrets}) and for {@link SecretShapes}. A module's logs are what its tests wrote:
 * {@code target/test-logs/**}, and standard output and error of its test JVMs,
 * {@code target/surefire-reports/*-output.txt} and {@code target/failsafe-reports/*-output.txt}.
 * Hits name the file, the line and a masked form of the secret, never the secret.
 */
public final class LogScanner {
    /** A secret found in a log: where, and what (masked). */
    public record Hit(Path file, int line, String what) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + what;
        }
    }

    /** What a scan looked at and what it found. */
    public record Result(List<Path> logs, long lines, int secrets, Set<String> modulesWithLogs, Map<String, Integer> secretsByModule,
                         List<Hit> hits) {
        public String summary() {
            return "scanned " + logs.size() + " log files (" + lines + " lines) of " + modulesWithLogs + " for " + secrets
                    + " remembered secrets " + secretsByModule + " and " + SecretShapes.SHAPES.size() + " secret shapes: "
                    + hits.size() + " hits";
        }
    }

    private LogScanner() {
    }

    /** Scans every module directory under {@code root} (directories with a {@code pom.xml} and a {@code target}). */
    public static Result scanCheckout(Path root) {
        List<Path> logs = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> modulesWithLogs = new TreeSet<>();
        Map<String, Integer> secretsByModule = new TreeMap<>();
        for (Path module : modules(root)) {
            String name = module.getFileName().toString();
            List<Path> moduleLogs = logsOf(module.resolve("target"));
            if (!moduleLogs.isEmpty()) {
                modulesWithLogs.add(name);
                logs.addAll(moduleLogs);
            }
            List<String> moduleSecrets = secretsOf(module.resolve("target").resolve(TestSecrets.DIRECTORY));
            if (!moduleSecrets.isEmpty()) {
                secretsByModule.put(name, moduleSecrets.size());
                secrets.addAll(moduleSecrets);
            }
        }
        return scan(logs, secrets, modulesWithLogs, secretsByModule);
    }

    /** Scans {@code logs} for {@code secrets} and the secret shapes. */
    public static Result scan(List<Path> logs, Collection<String> secrets, Set<String> modulesWithLogs, Map<String, Integer> secretsByModule) {
        List<String> wanted = secrets.stream().filter(s -> s.length() >= TestSecrets.MIN_LENGTH).distinct().toList();
        List<Hit> hits = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            lines += scanFile(log, wanted, hits);
        }
        return new Result(List.copyOf(logs), lines, wanted.size(), modulesWithLogs, secretsByModule, List.copyOf(hits));
    }

    /** {@code secret} masked for a report: its first 4 characters and its length. */
    public static String mask(String secret) {
        String head = secret.length() > 8 ? secret.substring(0, 4) : "";
        return "'" + head + "…' (" + secret.length() + " chars)";
    }

    /** The module directories under {@code root}: those with a {@code pom.xml}. */
    public static List<Path> modules(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> logsOf(Path target) {
        List<Path> logs = new ArrayList<>();
        Path testLogs = target.resolve("test-logs");
        if (Files.isDirectory(testLogs)) {
            try (Stream<Path> files = Files.walk(testLogs)) {
                files.filter(LogScanner::nonEmptyFile).forEach(logs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String reports : List.of("surefire-reports", "failsafe-reports")) {
            Path dir = target.resolve(reports);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith("-output.txt") && nonEmptyFile(f)).forEach(logs::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        logs.sort(Comparator.naturalOrder());
        return logs;
    }

    private static boolean nonEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> secretsOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> secrets = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.length() >= TestSecrets.MIN_LENGTH).forEach(secrets::add);
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long scanFile(Path log, List<String> secrets, List<Hit> hits) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        long count = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(log), utf8))) {
            String line;
            while ((line = in.readLine()) != null) {
                count++;
                Hit hit = check(log, (int) count, line, secrets);
                if (hit != null) {
                    hits.add(hit);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        return count;
    }

    private static Hit check(Path log, int number, String line, List<String> secrets) {
        for (String secret : secrets) {
            if (line.contains(secret)) {
                return new Hit(log, number, "a remembered test secret " + mask(secret));
            }
        }
        Optional<SecretShapes.Match> shape = SecretShapes.find(line);
        return shape.map(m -> new Hit(log, number, "a " + m.shape() + " " + mask(m.value()))).orElse(null);
    }
}
