package io.openvod.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.client.AppSignatures;
import io.openvod.client.DirectorySessionStore;
import io.openvod.client.Uploader;
import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.core.files.OwnerOnly;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.server.logging.Logging;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod upload sample}: makes a short test clip with the bundled FFmpeg (a test pattern
 * and a 440 Hz tone) under the state directory and uploads it as the demo user of a running
 * {@code openvod dev}, then says where to see it.
 */
@Command(name = "sample", description = {"Make a short test clip with the bundled FFmpeg and upload it as openvod dev's demo user.",
        "Needs a running openvod dev (.openvod/dev.json)."})
final class UploadSampleCommand implements Callable<Integer> {
    @ParentCommand
    UploadCommand upload;
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "5", description = "The clip's length, 1 to 600 (default: 5).")
    int seconds;
    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".openvod",
            description = "Where openvod dev wrote dev.json; the clip is written there too (default: .openvod).")
    Path state;
    @Option(names = "--sessions", paramLabel = "DIR", description = "Where sessions are kept for resuming (default: ~/.openvod/uploads).")
    Path sessions;
    @Option(names = "--json", description = "Print one JSON object (fileId, mediaUrl, coverUrl, bytes, seconds, taskId, tasks) "
            + "on stdout, nothing else.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 600) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--seconds must be 1 to 600");
        }
        JsonNode dev = UploadCommand.devState(state).orElseThrow(() -> new OpenVodException(CommonError.INVALID_ARGUMENT,
                "no " + state.resolve("dev.json") + ": start openvod dev first (in another terminal)"));
        String platformUrl = dev.path("platformUrl").asText();
        String appUrl = UploadCommand.withSlash(dev.path("appUrl").asText());
        Path clip = makeClip(state.resolve("sample-" + seconds + "s.mp4"), seconds);
        String token = SignIn.as(URI.create(appUrl), dev.path("user").asText(), dev.path("password").asText(),
                "is openvod dev running? (it wrote " + state.resolve("dev.json") + ")");
        URI signatures = URI.create(UploadCommand.withFileQuery(appUrl + "api/v1/upload-signature", clip.getFileName().toString(),
                Files.size(clip)));
        UploadConsole console = new UploadConsole(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
        ProgressLine line = console.progressLine();
        Uploader uploader = Uploader.builder().platform(platformUrl).signatures(AppSignatures.endpoint(signatures, token))
                .progress(UploadConsole.listener(line)).sessions(sessions == null ? DirectorySessionStore.inHome() : new DirectorySessionStore(sessions)).build();
        int status = console.run(uploader, clip, null, line,
                ResumeCommand.of("openvod", spec.commandLine().getParseResult().originalArgs()),
                MediaTasks.forUpload(platformUrl, Optional.of(dev), upload.root.environment()));
        if (status == 0 && !json) {
            spec.commandLine().getOut().println("see it at " + dev.path("webUrl").asText(appUrl) + " (sign in as "
                    + dev.path("user").asText() + "), or: openvod media list");
        }
        return status;
    }

    /** Makes the clip with the bundled FFmpeg; which FFmpeg it is (an INFO line for the platform's operator) is not printed. */
    private static Path makeClip(Path target, int length) throws IOException, InterruptedException {
        Logging.quiet(FfmpegTools.class);
        OwnerOnly.createDirectories(target.toAbsolutePath().getParent());
        Path log = Files.createTempFile("openvod-sample", ".log");
        try {
            Process ffmpeg = FfmpegTools.bundled().ffmpegCommand(List.of("-nostdin", "-v", "error", "-y",
                            "-f", "lavfi", "-i", "testsrc=duration=" + length + ":size=640x360:rate=25",
                            "-f", "lavfi", "-i", "sine=frequency=440:duration=" + length,
                            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                            "-movflags", "+faststart", "-shortest", target.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!ffmpeg.waitFor(5, TimeUnit.MINUTES)) {
                ffmpeg.destroyForcibly();
                throw new OpenVodException(CommonError.INTERNAL, "ffmpeg did not finish the sample clip");
            }
            if (ffmpeg.exitValue() != 0 || !Files.isRegularFile(target)) {
                throw new OpenVodException(CommonError.INTERNAL, "ffmpeg could not make the sample clip: "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            OwnerOnly.restrict(target); // ffmpeg creates it with the default permissions
            return target;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
