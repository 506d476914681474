package io.openvod.bench.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.bench.upload.PlatformUploadServer;
import io.openvod.bench.upload.UploadDriver;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.flow.FlowSettings;
import io.openvod.platform.flow.FlowTask;
import io.openvod.platform.flow.Procedures;
import io.openvod.platform.flow.TaskFlow;
import io.openvod.platform.flow.steps.TranscodeStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Transcode wall time through the task flow against the same FFmpeg command run directly.
 *
 * <pre>TranscodeOverhead --dir DIR [--rounds 5] [--seconds 30] [--definition 100030] [--poll-ms 500]</pre>
 *
 * <p>It makes a test clip once with the bundled FFmpeg (1280x720 at 30 fps, x264 + AAC), starts a
 * platform node ({@link PlatformUploadServer}: SQLite and a local store in {@code DIR}) with the
 * {@link TranscodeStep} as its only step and the default {@link FlowSettings} (2 workers; the poll,
 * 500 ms by default, is {@code --poll-ms}), and stores a custom procedure template
 * {@code BenchTranscode} holding just the preset's transcode. Each round then, alternating which
 * goes first:
 * <ul>
 *   <li><b>direct</b>: the FFmpeg command the step runs for the preset on this clip (the same
 *       arguments, {@code -progress pipe:1} drained), timed from start to exit; afterwards, untimed
 *       by the direct figure, the extra work the step does besides FFmpeg is timed on its own:
 *       ffprobe of the source, ffprobe of the output, MD5 of the output, and a copy of the output
 *       (as the local store does);</li>
 *   <li><b>flow</b>: the clip uploaded (Apply with a signature naming the procedure, parts,
 *       Complete, Commit), timed from Commit's answer to the ProcedureStateChanged event
 *       written at FINISH (its stored time, so the bench's polling adds nothing); from the flow's and
 *       the task's rows it splits that into: Commit to the flow started (the starter's poll), to the
 *       task begun (a worker's claim), the task itself (BeginProcessTime to FinishTime), and to the
 *       event.</li>
 * </ul>
 * It prints each round, the medians, the ratio flow / direct of the medians and the median of the
 * rounds' own ratios (steadier on a busy machine, as each pair ran back to back).
 */
public final class TranscodeOverhead {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCEDURE = "BenchTranscode";
    private static final List<String> COMMON = List.of("-nostdin", "-hide_banner", "-v", "error", "-nostats",
            "-progress", "pipe:1", "-y");

    private TranscodeOverhead() {
    }

    /** The presets this bench knows: short side, video and audio kbit/s (as the platform's MP4 presets). */
    private record Preset(long definition, int shortSide, int videoKbps, int audioKbps) {
        static Preset of(long definition) {
            return switch ((int) definition) {
                case 100010 -> new Preset(definition, 360, 400, 64);
                case 100020 -> new Preset(definition, 540, 1000, 64);
                case 100030 -> new Preset(definition, 720, 1800, 128);
                default -> throw new IllegalArgumentException("--definition takes 100010, 100020 or 100030");
            };
        }
    }

    private record Direct(double ffmpeg, double probeSource, double probeOutput, double md5, double copy, long bytes) {
    }

    private record Flow(double total, double toStarted, double toBegun, double task, double toEvent, long bytes, int attempts) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int rounds = 5;
        int seconds = 30;
        long definition = 100030;
        long pollMs = 500;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--definition" -> definition = Long.parseLong(value);
                case "--poll-ms" -> pollMs = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: TranscodeOverhead --dir DIR "
                        + "[--rounds 5] [--seconds 30] [--definition 100030] [--poll-ms 500]");
            }
        }
        if (dir == null || rounds < 1 || seconds < 1) {
            throw new IllegalArgumentException("--dir is required; --rounds and --seconds must be positive");
        }
        Preset preset = Preset.of(definition);
        FfmpegTools tools = FfmpegTools.bundled();
        MediaProbe probe = new MediaProbe(tools);
        Files.createDirectories(dir);

        Path clip = dir.resolve("clip.mp4");
        long t = System.nanoTime();
        run(tools, List.of("-nostdin", "-hide_banner", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "4000k", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-shortest", "-movflags", "+faststart", clip.toAbsolutePath().toString()));
        MediaMetadata source = probe.probe(clip);
        System.out.printf(Locale.ROOT, "clip: %d s, %dx%d, %d bytes, made in %.1f s; ffmpeg %s%n", seconds, source.width(),
                source.height(), source.size(), (System.nanoTime() - t) / 1e9, tools.version());

        Path directOut = dir.resolve("direct-" + definition + ".mp4");
        List<String> command = new ArrayList<>(COMMON);
        command.addAll(arguments(preset, source, clip, directOut));
        System.out.println("direct command: ffmpeg " + String.join(" ", command));

        FlowSettings settings = FlowSettings.defaults();
        settings = new FlowSettings(settings.workers(), settings.lease(), settings.heartbeat(), settings.timeout(),
                settings.maxAttempts(), settings.backoff(), Duration.ofMillis(pollMs), Files.createDirectories(dir.resolve("work")));
        try (PlatformUploadServer server = PlatformUploadServer.start(dir.resolve("platform"), "127.0.0.1", 0, true,
                new PlatformNode.TaskFlows(List.of(new TranscodeStep(tools)), settings))) {
            ObjectNode media = JSON.createObjectNode();
            ObjectNode transcode = media.putArray("TranscodeTaskSet").addObject();
            transcode.put("Definition", definition);
            transcode.putArray("WatermarkSet");
            Procedures templates = server.stores().procedures();
            // Uploads signed by the app's key without a SubAppId belong to the app itself; 0 as well, to be sure.
            for (long app : new long[] {PlatformUploadServer.APP_ID, 0}) {
                templates.create(app, PROCEDURE, "transcode-overhead bench: MP4 " + definition + " only", Optional.of(media),
                        Optional.empty(), Optional.empty()).ifPresent(r -> {
                            throw new IllegalStateException("template not stored: " + r);
                        });
            }
            System.out.printf(Locale.ROOT, "platform %s: %d workers, poll %d ms, procedure %s = %s%n", server.url(), settings.workers(),
                    pollMs, PROCEDURE, media);

            // One unmeasured pass of each, so the JIT, the page cache and the database are warm.
            direct(tools, probe, command, clip, directOut, dir);
            flow(server, clip);
            Files.deleteIfExists(directOut);

            List<Direct> directs = new ArrayList<>();
            List<Flow> flows = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                double load = loadAverage();
                if (r % 2 == 1) {
                    directs.add(direct(tools, probe, command, clip, directOut, dir));
                    flows.add(flow(server, clip));
                } else {
                    flows.add(flow(server, clip));
                    directs.add(direct(tools, probe, command, clip, directOut, dir));
                }
                Direct d = directs.getLast();
                Flow f = flows.getLast();
                System.out.printf(Locale.ROOT, "round %d (load %.2f): direct ffmpeg %.3f s (%d bytes); extras: probe source %.3f, "
                                + "probe output %.3f, md5 %.3f, copy %.3f s | flow %.3f s = starter %.3f + claim %.3f + task %.3f "
                                + "+ event %.3f (%d bytes, %d attempt) | ratio %.3f, task/direct %.3f%n",
                        r, load, d.ffmpeg(), d.bytes(), d.probeSource(), d.probeOutput(), d.md5(), d.copy(), f.total(), f.toStarted(),
                        f.toBegun() - f.toStarted(), f.task(), f.toEvent(), f.bytes(), f.attempts(), f.total() / d.ffmpeg(),
                        f.task() / d.ffmpeg());
                Files.deleteIfExists(directOut);
            }
            double direct = median(directs.stream().mapToDouble(Direct::ffmpeg).toArray());
            double flow = median(flows.stream().mapToDouble(Flow::total).toArray());
            double task = median(flows.stream().mapToDouble(Flow::task).toArray());
            double extras = median(directs.stream().mapToDouble(d -> d.probeSource() + d.probeOutput() + d.md5() + d.copy()).toArray());
            System.out.println();
            System.out.printf(Locale.ROOT, "medians over %d rounds (%d s 1280x720 clip, preset %d, poll %d ms):%n", rounds, seconds,
                    definition, pollMs);
            System.out.printf(Locale.ROOT, "  direct ffmpeg            %.3f s%n", direct);
            System.out.printf(Locale.ROOT, "  extras done apart        %.3f s (probe source %.3f, probe output %.3f, md5 %.3f, copy %.3f)%n",
                    extras, median(directs.stream().mapToDouble(Direct::probeSource).toArray()),
                    median(directs.stream().mapToDouble(Direct::probeOutput).toArray()),
                    median(directs.stream().mapToDouble(Direct::md5).toArray()),
                    median(directs.stream().mapToDouble(Direct::copy).toArray()));
            System.out.printf(Locale.ROOT, "  flow, Commit to FINISH   %.3f s%n", flow);
            System.out.printf(Locale.ROOT, "    Commit to flow started %.3f s (starter poll)%n",
                    median(flows.stream().mapToDouble(Flow::toStarted).toArray()));
            System.out.printf(Locale.ROOT, "    started to task begun  %.3f s (worker poll / claim)%n",
                    median(flows.stream().mapToDouble(f -> f.toBegun() - f.toStarted()).toArray()));
            System.out.printf(Locale.ROOT, "    task begin to finish   %.3f s (step: probe, ffmpeg, probe, md5, store)%n", task);
            System.out.printf(Locale.ROOT, "    task finish to event   %.3f s%n", median(flows.stream().mapToDouble(Flow::toEvent).toArray()));
            System.out.printf(Locale.ROOT, "ratio flow / direct (medians): %.3f (aim: at most 1.05); task alone / direct: %.3f%n",
                    flow / direct, task / direct);
            double[] paired = new double[rounds];
            double[] pairedTask = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                paired[r] = flows.get(r).total() / directs.get(r).ffmpeg();
                pairedTask[r] = flows.get(r).task() / directs.get(r).ffmpeg();
            }
            System.out.printf(Locale.ROOT, "median of the rounds' own ratios (each pair ran back to back): flow / direct %.3f, "
                    + "task / direct %.3f%n", median(paired), median(pairedTask));
        }
        System.exit(0);
    }

    /** The step's arguments after the common ones, for a source with video and audio (as TranscodeStep builds them). */
    static List<String> arguments(Preset preset, MediaMetadata source, Path input, Path target) {
        int shorter = Math.min(source.width(), source.height());
        int longer = Math.max(source.width(), source.height());
        int targetShort = Math.max(2, Math.min(preset.shortSide(), shorter) & ~1);
        int targetLong = Math.max(2, 2 * (int) Math.round((double) longer * targetShort / shorter / 2));
        int width = source.width() >= source.height() ? targetLong : targetShort;
        int height = source.width() >= source.height() ? targetShort : targetLong;
        int kbps = preset.videoKbps();
        return new ArrayList<>(List.of("-protocol_whitelist", "file", "-i", "file:" + input.toAbsolutePath(),
                "-map", "0:v:0", "-vf", "scale=" + width + ":" + height + ",setsar=1", "-r", "25", "-c:v", "libx264",
                "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p", "-b:v", kbps + "k", "-maxrate", (kbps * 3 / 2) + "k",
                "-bufsize", (kbps * 2) + "k", "-g", "50",
                "-map", "0:a:0?", "-c:a", "aac", "-b:a", preset.audioKbps() + "k", "-ar", "44100", "-ac", "2", "-map_metadata", "-1",
                "-movflags", "+faststart", "-f", "mp4", "file:" + target.toAbsolutePath()));
    }

    private static Direct direct(FfmpegTools tools, MediaProbe probe, List<String> command, Path clip, Path out, Path dir)
            throws Exception {
        long t0 = System.nanoTime();
        run(tools, command);
        long t1 = System.nanoTime();
        probe.probe(clip);
        long t2 = System.nanoTime();
        probe.probe(out);
        long t3 = System.nanoTime();
        md5(out);
        long t4 = System.nanoTime();
        Path copy = dir.resolve("stored-copy.mp4");
        Files.copy(out, copy, StandardCopyOption.REPLACE_EXISTING);
        long t5 = System.nanoTime();
        Files.delete(copy);
        return new Direct((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9, Files.size(out));
    }

    private static Flow flow(PlatformUploadServer server, Path clip) throws Exception {
        String fileId = UploadDriver.uploadWithProcedure(URI.create(server.url()), clip, PROCEDURE);
        Instant committed = Instant.now();
        StoredEvent event = FlowOutcome.procedureStateChanged(server, fileId, 100);
        JsonNode body = JSON.readTree(event.event().body()).get("ProcedureStateChangeEvent");
        if (!body.path("Status").asText().equals("FINISH")) {
            throw new IllegalStateException("the flow did not finish: " + body);
        }
        TaskFlow flow = server.node().flows().flows().find(body.get("TaskId").asText()).orElseThrow();
        if (flow.tasks().size() != 1) {
            throw new IllegalStateException("expected one task, got " + flow.tasks());
        }
        FlowTask task = flow.tasks().getFirst();
        if (!task.status().equals("SUCCESS")) {
            throw new IllegalStateException("the transcode failed: " + task);
        }
        Instant begun = task.beginTime().orElseThrow();
        Instant finished = task.finishTime().orElseThrow();
        long bytes = JSON.readTree(task.output().orElseThrow()).path("Size").asLong();
        return new Flow(seconds(committed, event.createdAt()), seconds(committed, flow.createdAt()), seconds(committed, begun),
                seconds(begun, finished), seconds(finished, event.createdAt()), bytes, task.attempts());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Runs ffmpeg with {@code args}, draining its output; fails unless it exits with 0. */
    private static void run(FfmpegTools tools, List<String> args) throws IOException, InterruptedException {
        Process process = tools.ffmpegCommand(args).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        int exit = process.waitFor();
        if (exit != 0) {
            String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
            throw new IllegalStateException("ffmpeg exited with " + exit + ": " + text.substring(Math.max(0, text.length() - 2000)));
        }
    }

    private static String md5(Path file) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md5.digest());
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
