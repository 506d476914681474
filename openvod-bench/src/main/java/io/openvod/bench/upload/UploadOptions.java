package io.openvod.bench.upload;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The upload driver's command line.
 *
 * @param url            the platform's base URL ({@code http://HOST:PORT})
 * @param file           the file to upload
 * @param partSize       bytes per part (the last part may be shorter)
 * @param parallel       parts in flight at once
 * @param warmupMiB      before the measured upload, upload the file's first MiBs once, unmeasured (0: none)
 * @param timeoutSeconds the timeout of one HTTP request
 * @param jdkClient      send the parts through {@link java.net.http.HttpClient} instead of {@code sendfile} on plain sockets
 * @param label          the name printed with the results
 * @param sha256         after the measured upload, download the stored object and compare its SHA-256 with the file's
 * @param contentMd5     send each part's {@code Content-MD5} (as OpenVOD's own client does), taken before the upload's clock starts
 * @param json           print the results as one JSON line on standard output
 * @param secretId       the API key that signs the upload signatures
 * @param secretKey      its secret
 */
record UploadOptions(URI url, Path file, long partSize, int parallel, int warmupMiB, int timeoutSeconds, boolean jdkClient, String label,
                     boolean sha256, boolean contentMd5, boolean json, String secretId, String secretKey) {

    static final long MIB = 1024 * 1024;

    static final String USAGE = """
            usage: UploadDriver --url http://127.0.0.1:PORT --file FILE [options]
              --part-mib N        part size in MiB (default 8, like the web SDK)
              --parallel N        parts in flight at once (default 6, like the web SDK)
              --warmup-mib N      first upload the file's first N MiB once, unmeasured (default 0)
              --timeout SECONDS   timeout of one HTTP request (default 300)
              --client socket|jdk how parts are sent: socket (default) hands each part from the file to a
                                  keep-alive socket with sendfile, as cheap for the machine as curl -T;
                                  jdk streams it through java.net.http.HttpClient (several times the CPU)
              --sha256            afterwards, download the stored object and compare its SHA-256 (not timed)
              --content-md5       send each part's Content-MD5, as OpenVOD's own client does (computed before
                                  the upload's clock starts; socket client only)
              --label NAME        name of this run in the output (default: platform)
              --secret-id ID      API key (default: PlatformUploadServer's)
              --secret-key KEY    its secret (default: PlatformUploadServer's)
              --json              print the results as one JSON line on standard output (the summary goes to standard error)""";

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for a bad command line. */
    static UploadOptions parse(String[] args) {
        URI url = null;
        Path file = null;
        int partMiB = 8;
        int parallel = 6;
        int warmup = 0;
        int timeout = 300;
        boolean jdkClient = false;
        String label = "platform";
        boolean sha256 = false;
        boolean contentMd5 = false;
        boolean json = false;
        String secretId = PlatformUploadServer.SECRET_ID;
        String secretKey = PlatformUploadServer.SECRET_KEY;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--json")) {
                json = true;
                continue;
            }
            if (option.equals("--sha256")) {
                sha256 = true;
                continue;
            }
            if (option.equals("--content-md5")) {
                contentMd5 = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--url" -> url = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                case "--file" -> file = Path.of(value);
                case "--part-mib" -> partMiB = number(option, value, 1, 5 * 1024);
                case "--parallel" -> parallel = number(option, value, 1, 256);
                case "--warmup-mib" -> warmup = number(option, value, 0, 1024 * 1024);
                case "--timeout" -> timeout = number(option, value, 1, 3600);
                case "--client" -> jdkClient = switch (value) {
                    case "socket" -> false;
                    case "jdk" -> true;
                    default -> throw new IllegalArgumentException("--client takes socket or jdk, not " + value);
                };
                case "--label" -> label = value;
                case "--secret-id" -> secretId = value;
                case "--secret-key" -> secretKey = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (url == null || file == null) {
            throw new IllegalArgumentException("--url and --file are required");
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("only http://HOST[:PORT] URLs are supported: " + url);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        if (contentMd5 && jdkClient) {
            throw new IllegalArgumentException("--content-md5 works with --client socket only");
        }
        return new UploadOptions(url, file, partMiB * MIB, parallel, warmup, timeout, jdkClient, label, sha256, contentMd5, json,
                secretId, secretKey);
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
