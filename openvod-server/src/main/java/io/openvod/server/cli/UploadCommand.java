package io.openvod.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.client.AppSignatures;
import io.openvod.client.DirectorySessionStore;
import io.openvod.client.Uploader;
import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod upload FILE}: uploads a file with the Java SDK ({@code openvod-client}) as an app's
 * user would — a signature from the app backend, then the platform's UGC and COS APIs. The
 * platform and the signature endpoint default to those of a running {@code openvod dev}
 * ({@code .openvod/dev.json}); an interrupted upload resumes when the same command runs again.
 */
@Command(name = "upload", subcommands = UploadSampleCommand.class,
        description = {"Upload a video (and a cover) with a signature from the app backend; resumable, parallel parts.",
                "Defaults to the platform, app and demo user of a running openvod dev (.openvod/dev.json).",
                "Ctrl-C cancels; the same command resumes."})
final class UploadCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "OPENVOD_TOKEN";
    static final String PASSWORD_ENV = "OPENVOD_PASSWORD";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)(i?b?)", Pattern.CASE_INSENSITIVE);

    @ParentCommand
    OpenVodCommand root;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The video to upload.")
    Path file;
    @Option(names = "--cover", paramLabel = "IMG",
            description = "A cover image to upload with it: jpg, jpeg, png, gif, bmp, tiff, ai, cdr or eps.")
    Path cover;
    @Option(names = "--signature-url", paramLabel = "URL",
            description = "The app's signature endpoint (default: dev.json's appUrl + api/v1/upload-signature).")
    String signatureUrl;
    @Option(names = "--token", paramLabel = "T", description = "Bearer token for the signature endpoint (default: $OPENVOD_TOKEN).")
    String token;
    @Option(names = "--user", paramLabel = "U", description = "Sign in at the app as this user instead of passing a token.")
    String user;
    @Option(names = "--password", paramLabel = "P",
            description = "The user's password (default: $OPENVOD_PASSWORD); prefer --password-stdin, flags end up in shell history.")
    String password;
    @Option(names = "--password-stdin", description = "Read the user's password from the first line of standard input.")
    boolean passwordStdin;
    @Option(names = "--platform", paramLabel = "URL",
            description = "The platform's public URL, e.g. http://127.0.0.1:8082 (default: dev.json's platformUrl).")
    String platform;
    @Option(names = "--part-size", paramLabel = "SIZE", defaultValue = "5MiB",
            description = "Part size, 1MiB to 1GiB, e.g. 8MiB (default: 5MiB).")
    String partSize;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Parts in flight, 1 to 64 (default: 4).")
    int concurrency;
    @Option(names = "--json", description = "Print one JSON object (fileId, mediaUrl, coverUrl, bytes, seconds, taskId, tasks) "
            + "on stdout, nothing else.")
    boolean json;
    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".openvod", description = "Where openvod dev wrote dev.json (default: .openvod).")
    Path state;
    @Option(names = "--sessions", paramLabel = "DIR", description = "Where sessions are kept for resuming (default: ~/.openvod/uploads).")
    Path sessions;

    @Override
    public Integer call() throws Exception {
        if (file == null || file.toString().isEmpty()) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "which file? openvod upload FILE (or: openvod upload sample)");
        }
        if (!Files.isRegularFile(file)) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "'" + file + "' is not a file"
                    + (Files.exists(file) ? "" : " (no such path)") + ": give the path of the video to upload");
        }
        if (cover != null) {
            CoverImage.check(cover);
        }
        Optional<JsonNode> dev = devState(state);
        String platformUrl = first(platform, dev, "platformUrl").orElseThrow(() -> new OpenVodException(CommonError.INVALID_ARGUMENT,
                "no platform: pass --platform URL (the platform's public URL), or start openvod dev (it writes "
                        + state.resolve("dev.json") + ")"));
        boolean devEndpoint = signatureUrl == null && dev.isPresent();
        String endpoint = first(signatureUrl, dev, "appUrl").map(u -> signatureUrl != null ? u : withSlash(u) + "api/v1/upload-signature")
                .orElseThrow(() -> new OpenVodException(CommonError.INVALID_ARGUMENT,
                        "no signature endpoint: pass --signature-url URL, or start openvod dev"));
        URI signatures = URI.create(withFileQuery(endpoint, file.getFileName().toString(), Files.size(file)));
        String bearer = bearer(signatures, devEndpoint ? dev : Optional.empty());
        UploadConsole console = new UploadConsole(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
        ProgressLine line = console.progressLine();
        Uploader uploader = Uploader.builder().platform(platformUrl).signatures(AppSignatures.endpoint(signatures, bearer))
                .partSize(parseSize(partSize)).concurrency(concurrencyChecked()).progress(UploadConsole.listener(line))
                .sessions(sessions == null ? DirectorySessionStore.inHome() : new DirectorySessionStore(sessions)).build();
        return console.run(uploader, file, cover, line,
                ResumeCommand.of("openvod", spec.commandLine().getParseResult().originalArgs()),
                MediaTasks.forUpload(platformUrl, dev, root.environment()));
    }

    private int concurrencyChecked() {
        if (concurrency < 1 || concurrency > 64) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--concurrency must be 1 to 64");
        }
        return concurrency;
    }

    /** The token: --token, $OPENVOD_TOKEN, or a sign-in with --user/--password (dev.json's demo user by default). */
    private String bearer(URI endpoint, Optional<JsonNode> dev) throws IOException, InterruptedException {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        String fromEnv = root.environment().get(TOKEN_ENV);
        if (user == null && fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        String name = first(user, dev, "user").orElseThrow(() -> new OpenVodException(CommonError.INVALID_ARGUMENT,
                "no credentials for the signature endpoint: set " + TOKEN_ENV + " (or pass --token T), or --user U --password-stdin"));
        Optional<String> typed = passwordStdin ? Optional.of(new String(UsersCommand.readPassword(root.stdin()))) : Optional.empty();
        String secret = typed.or(() -> Optional.ofNullable(password)).or(() -> Optional.ofNullable(root.environment().get(PASSWORD_ENV)))
                .or(() -> user == null ? dev.map(d -> d.path("password").asText(null)) : Optional.empty())
                .orElseThrow(() -> new OpenVodException(CommonError.INVALID_ARGUMENT,
                        "no password for " + name + ": pipe it in with --password-stdin, or set " + PASSWORD_ENV));
        return SignIn.as(endpoint.resolve("/"), name, secret,
                signatureUrl == null ? "is openvod dev running? (it wrote " + state.resolve("dev.json") + ")"
                        : "is the app backend of --signature-url running?");
    }

    /** Parses {@code 8MiB}, {@code 8M}, {@code 512KiB} or a number of bytes. */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--part-size '" + text + "' is not a size like 8MiB");
        }
        long n = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
        if (bytes < Uploader.MIN_PART_SIZE || bytes > Uploader.MAX_PART_SIZE) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--part-size must be 1MiB to 1GiB");
        }
        return bytes;
    }

    /** dev.json under {@code state}, when there is one. */
    static Optional<JsonNode> devState(Path state) {
        Path devFile = state.resolve("dev.json");
        if (!Files.isRegularFile(devFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(devFile.toFile()));
        } catch (IOException e) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, devFile + " is not readable JSON: " + e.getMessage(), e);
        }
    }

    static Optional<String> first(String flag, Optional<JsonNode> dev, String field) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag.strip());
        }
        return dev.map(d -> d.path(field).asText("")).filter(v -> !v.isBlank());
    }

    static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    /** The endpoint with {@code fileName} and {@code fileSize}, which the app checks quotas with. */
    static String withFileQuery(String endpoint, String name, long size) {
        return endpoint + (endpoint.contains("?") ? "&" : "?") + "fileName=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20") + "&fileSize=" + size;
    }
}
