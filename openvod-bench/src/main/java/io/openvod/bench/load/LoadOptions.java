package io.openvod.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The load driver's command line.
 *
 * @param url             an {@code http://} URL to {@code GET}
 * @param headers         extra request header lines ({@code Name: value})
 * @param rotatingHeaders header lines dealt out one per connection, in turn (e.g. one user's token each)
 * @param concurrency     connections, one worker each
 * @param warmupSeconds   seconds of load whose results are discarded
 * @param durationSeconds seconds of load that are measured
 * @param timeoutSeconds  connect and read timeout of one request
 * @param label           the name printed with the results
 * @param expect          text a good response's body must contain
 * @param json            print the results as one JSON line on standard output
 */
record LoadOptions(URI url, List<String> headers, List<String> rotatingHeaders, int concurrency, int warmupSeconds, int durationSeconds,
                   int timeoutSeconds, String label, String expect, boolean json) {

    static final String USAGE = """
            usage: LoadDriver --url http://127.0.0.1:PORT/PATH [options]
              --header 'Name: value'   add a request header (repeatable)
              --header-file FILE       header lines, one per line, dealt out one per connection in turn
                                       (one line: every connection; keeps tokens off the command line)
              --concurrency N          connections, each driven by its own worker in a closed loop (default 32)
              --warmup SECONDS         load before measuring, discarded (default 10)
              --duration SECONDS       measured load (default 20)
              --timeout SECONDS        connect/read timeout of one request (default 10)
              --expect TEXT            a good response is a 200 whose body contains TEXT (default "code":0)
              --label NAME             name of this run in the output (default: the URL's path)
              --json                   print the results as one JSON line on standard output (the summary goes to standard error)""";

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for a bad command line. */
    static LoadOptions parse(String[] args) {
        URI url = null;
        List<String> headers = new ArrayList<>();
        List<String> rotating = new ArrayList<>();
        int concurrency = 32;
        int warmup = 10;
        int duration = 20;
        int timeout = 10;
        String label = null;
        String expect = "\"code\":0";
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--json")) {
                json = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--url" -> url = URI.create(value);
                case "--header" -> headers.add(header(value));
                case "--header-file" -> rotating.addAll(headerFile(value));
                case "--concurrency" -> concurrency = number(option, value, 1, 10_000);
                case "--warmup" -> warmup = number(option, value, 0, 3_600);
                case "--duration" -> duration = number(option, value, 1, 3_600);
                case "--timeout" -> timeout = number(option, value, 1, 600);
                case "--expect" -> expect = value;
                case "--label" -> label = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("only http://HOST[:PORT]/PATH URLs are supported: " + url);
        }
        return new LoadOptions(url, List.copyOf(headers), List.copyOf(rotating), concurrency, warmup, duration, timeout,
                label != null ? label : url.getPath(), expect, json);
    }

    int port() {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    String pathAndQuery() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** The headers of connection {@code i}: the fixed ones and its turn of the rotating ones. */
    List<String> headersOf(int i) {
        if (rotatingHeaders.isEmpty()) {
            return headers;
        }
        List<String> all = new ArrayList<>(headers);
        all.add(rotatingHeaders.get(i % rotatingHeaders.size()));
        return all;
    }

    private static List<String> headerFile(String file) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> !l.isBlank())
                    .map(LoadOptions::header)
                    .toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + " has no header lines");
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String header(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || line.contains("\r") || line.contains("\n")) {
            throw new IllegalArgumentException("a header is 'Name: value' on one line");
        }
        return line.strip();
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max + ", not " + value);
    }
}
