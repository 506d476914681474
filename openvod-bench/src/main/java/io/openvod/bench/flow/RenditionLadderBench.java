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
import io.openvod.platform.flow.JointStep;
import io.openvod.platform.flow.TaskFlow;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.flow.steps.AdaptiveDynamicStreamingStep;
import io.openvod.platform.flow.steps.RenditionLadder;
import io.openvod.platform.flow.steps.TranscodeStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * A rendition ladder — MP4 100010, 100020, 100030 and HLS template 10 (the same three renditions) —
 * encoded one FFmpeg run per rendition against one run from one decode, in one JVM.
 *
 * <pre>RenditionLadderBench --dir DIR [--rounds 5] [--seconds 30] [--size 1280x720] [--lanes 2] [--no-flow] [--poll-ms 500]</pre>
 *
 * <p>The bundled FFmpeg makes a test clip once (30 fps, x264 + AAC). Each round then, in an order
 * that rotates every round, after one unmeasured pass of each:
 * <ul>
 *   <li><b>per rendition</b>: the platform's runs before the ladder ({@link LadderCommands}): the
 *       three Transcode tasks one MP4 run each, the HLS task one run per rendition in turn, the
 *       four tasks taken in template order by {@code --lanes} workers at once (the flow's default
 *       is 2 workers), from the first start to the last exit;</li>
 *   <li><b>ladder</b>: the ladder's one run (decode once, {@code split}, one encoder per preset,
 *       {@code tee} into its MP4 and its HLS rendition);</li>
 *   <li><b>flow, ladder</b> and <b>flow, each task alone</b> (unless {@code --no-flow}): the clip
 *       uploaded to a platform node (SQLite, local store, 2 workers) with a procedure of those four
 *       tasks, with the {@link RenditionLadder} and without it (each task its own run; the HLS task
 *       already encodes its renditions from one decode), from Commit's answer to the stored
 *       ProcedureStateChanged event of FINISH;</li>
 *   <li>and, for where the time goes, the source decoded alone, and decoded and scaled to the three
 *       sizes, nothing encoded.</li>
 * </ul>
 * FFmpeg's own {@code -benchmark} gives each run's user and system CPU time. It prints each round,
 * the medians with their spread, the ratios ladder / per rendition and the CPU split.
 */
public final class RenditionLadderBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCEDURE = "BenchLadder";

    private RenditionLadderBench() {
    }

    /** The runs one rendition at a time: the ladder's wall time, the CPU of all runs, each run's wall time. */
    record PerRendition(double wall, double cpu, List<Double> runs) {
    }

    /** A flow from Commit to its FINISH event, and from its first task's begin to its last task's finish. */
    record Flow(double total, double tasks, List<Integer> attempts) {
    }

    record Round(double load, PerRendition perRendition, FfmpegRun ladder, Optional<Flow> flowLadder, Optional<Flow> flowAlone,
                 FfmpegRun decode, FfmpegRun decodeAndScale) {
    }

    /** What is measured: the clip, its renditions and where a round writes. */
    private record Setup(FfmpegTools tools, Path clip, double seconds, List<LadderCommands.Preset> presets, List<int[]> sizes,
                         List<Boolean> streamed, int lanes) {
    }

    public static void main(String[] args) throws Exception {
        LadderOptions options;
        try {
            options = LadderOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Setup setup = setup(options);
        List<Round> rounds = new ArrayList<>();
        if (!options.flows()) {
            measure(options, setup, null, null, rounds);
        } else {
            try (PlatformUploadServer ladder = platform(options, "platform-ladder", List.of(new RenditionLadder(setup.tools())));
                 PlatformUploadServer alone = platform(options, "platform-alone", List.of())) {
                measure(options, setup, ladder, alone, rounds);
            }
        }
        summary(options, setup, rounds);
        System.exit(0);
    }

    private static Setup setup(LadderOptions o) throws Exception {
        FfmpegTools tools = FfmpegTools.bundled();
        Files.createDirectories(o.dir());
        Path clip = o.dir().resolve("clip.mp4");
        long t = System.nanoTime();
        String bitrate = o.height() > 720 ? "8000k" : "4000k";
        FfmpegRun.run(tools, List.of("-nostdin", "-hide_banner", "-v", "info", "-benchmark", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + o.width() + "x" + o.height() + ":rate=30:duration=" + o.seconds(),
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + o.seconds(),
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", bitrate, "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-shortest", "-movflags", "+faststart", clip.toAbsolutePath().toString()));
        MediaMetadata source = new MediaProbe(tools).probe(clip);
        System.out.printf(Locale.ROOT, "clip: %.2f s, %dx%d, %d bytes, made in %.1f s; %s%n", source.duration(), source.width(),
                source.height(), source.size(), (System.nanoTime() - t) / 1e9, tools.version());
        List<int[]> sizes = new ArrayList<>();
        List<Boolean> streamed = new ArrayList<>();
        for (LadderCommands.Preset preset : LadderCommands.Preset.LADDER) {
            int[] size = preset.size(source.width(), source.height());
            streamed.add(sizes.stream().noneMatch(s -> Arrays.equals(s, size)));
            sizes.add(size);
        }
        Setup setup = new Setup(tools, clip, source.duration(), LadderCommands.Preset.LADDER, sizes, streamed, o.lanes());
        System.out.println("renditions: " + describe(setup));
        return setup;
    }

    private static String describe(Setup s) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.presets().size(); i++) {
            parts.add(s.presets().get(i).definition() + " " + s.sizes().get(i)[0] + "x" + s.sizes().get(i)[1]
                    + (s.streamed().get(i) ? " (MP4 + HLS)" : " (MP4 only)"));
        }
        return String.join(", ", parts);
    }

    private static PlatformUploadServer platform(LadderOptions o, String name, List<JointStep> joints) throws IOException {
        FfmpegTools tools = FfmpegTools.bundled();
        FlowSettings d = FlowSettings.defaults();
        FlowSettings settings = new FlowSettings(d.workers(), d.lease(), d.heartbeat(), d.timeout(), d.maxAttempts(), d.backoff(),
                Duration.ofMillis(o.pollMs()), Files.createDirectories(o.dir().resolve(name + "-work")));
        List<TaskStep> steps = List.of(new TranscodeStep(tools), new AdaptiveDynamicStreamingStep(tools));
        PlatformUploadServer server = PlatformUploadServer.start(o.dir().resolve(name), "127.0.0.1", 0, true,
                new PlatformNode.TaskFlows(steps, joints, settings));
        ObjectNode media = JSON.createObjectNode();
        var transcodes = media.putArray("TranscodeTaskSet");
        for (LadderCommands.Preset preset : LadderCommands.Preset.LADDER) {
            transcodes.addObject().put("Definition", preset.definition()).putArray("WatermarkSet");
        }
        media.putArray("AdaptiveDynamicStreamingTaskSet").addObject().put("Definition", 10).putArray("WatermarkSet");
        // Uploads signed by the app's key without a SubAppId belong to the app itself; 0 as well, to be sure.
        for (long app : new long[] {PlatformUploadServer.APP_ID, 0}) {
            server.stores().procedures().create(app, PROCEDURE, "rendition-ladder bench", Optional.of(media), Optional.empty(),
                    Optional.empty()).ifPresent(r -> {
                        throw new IllegalStateException("template not stored: " + r);
                    });
        }
        System.out.printf(Locale.ROOT, "platform %s (%s): %d workers, poll %d ms, joint steps %s%n", name, server.url(),
                settings.workers(), o.pollMs(), joints.isEmpty() ? "none" : "RenditionLadder");
        return server;
    }

    private static void measure(LadderOptions o, Setup setup, PlatformUploadServer ladderNode, PlatformUploadServer aloneNode,
                                List<Round> rounds) throws Exception {
        Path warm = o.dir().resolve("warm-up");
        PerRendition before = perRendition(setup, warm.resolve("per"));
        FfmpegRun joint = ladder(setup, warm.resolve("ladder"));
        checkOutputs(setup, warm);
        System.out.printf(Locale.ROOT, "warm-up: per rendition %.2f s, ladder %.2f s%n", before.wall(), joint.wall());
        if (ladderNode != null) {
            flow(ladderNode, setup.clip());
            flow(aloneNode, setup.clip());
        }
        deleteTree(warm);
        for (int r = 1; r <= o.rounds(); r++) {
            rounds.add(round(r, setup, o.dir().resolve("round-" + r), ladderNode, aloneNode));
            print(r, rounds.getLast());
            deleteTree(o.dir().resolve("round-" + r));
        }
    }

    /** One round: the measurements in an order that rotates with {@code r}, then the decode-only runs. */
    private static Round round(int r, Setup setup, Path dir, PlatformUploadServer ladderNode, PlatformUploadServer aloneNode)
            throws Exception {
        double load = loadAverage();
        PerRendition per = null;
        FfmpegRun joint = null;
        Optional<Flow> flowLadder = Optional.empty();
        Optional<Flow> flowAlone = Optional.empty();
        int kinds = ladderNode == null ? 2 : 4;
        for (int i = 0; i < kinds; i++) {
            switch ((i + r) % kinds) {
                case 0 -> per = perRendition(setup, dir.resolve("per"));
                case 1 -> joint = ladder(setup, dir.resolve("ladder"));
                case 2 -> flowLadder = Optional.of(flow(ladderNode, setup.clip()));
                default -> flowAlone = Optional.of(flow(aloneNode, setup.clip()));
            }
        }
        FfmpegRun decode = FfmpegRun.run(setup.tools(), LadderCommands.decodeOnly(setup.clip()));
        FfmpegRun scale = FfmpegRun.run(setup.tools(), LadderCommands.decodeAndScale(setup.sizes(), setup.clip()));
        return new Round(load, per, joint, flowLadder, flowAlone, decode, scale);
    }

    /** The four tasks in template order on {@code lanes} workers; the HLS task's renditions one after the other. */
    private static PerRendition perRendition(Setup s, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<List<List<String>>> tasks = new ArrayList<>();
        List<List<String>> hls = new ArrayList<>();
        for (int i = 0; i < s.presets().size(); i++) {
            LadderCommands.Preset preset = s.presets().get(i);
            tasks.add(List.of(LadderCommands.mp4(preset, s.sizes().get(i), s.clip(), dir.resolve(preset.definition() + ".mp4"),
                    s.seconds())));
            if (s.streamed().get(i)) {
                Path rendition = Files.createDirectories(dir.resolve("hls").resolve(String.valueOf(preset.definition())));
                hls.add(LadderCommands.hls(preset, s.sizes().get(i), s.clip(), rendition, s.seconds()));
            }
        }
        tasks.add(hls);
        ExecutorService workers = Executors.newFixedThreadPool(s.lanes());
        try {
            long started = System.nanoTime();
            List<Future<List<FfmpegRun>>> done = new ArrayList<>();
            for (List<List<String>> task : tasks) {
                done.add(workers.submit(() -> {
                    List<FfmpegRun> runs = new ArrayList<>();
                    for (List<String> command : task) {
                        runs.add(FfmpegRun.run(s.tools(), command));
                    }
                    return runs;
                }));
            }
            List<FfmpegRun> runs = new ArrayList<>();
            for (Future<List<FfmpegRun>> f : done) {
                runs.addAll(f.get());
            }
            double wall = (System.nanoTime() - started) / 1e9;
            return new PerRendition(wall, runs.stream().mapToDouble(FfmpegRun::cpu).sum(), runs.stream().map(FfmpegRun::wall).toList());
        } finally {
            workers.shutdownNow();
        }
    }

    private static FfmpegRun ladder(Setup s, Path dir) throws Exception {
        Path mp4 = Files.createDirectories(dir);
        Path hls = dir.resolve("hls");
        for (int i = 0; i < s.presets().size(); i++) {
            if (s.streamed().get(i)) {
                Files.createDirectories(hls.resolve(String.valueOf(s.presets().get(i).definition())));
            }
        }
        return FfmpegRun.run(s.tools(), LadderCommands.ladder(s.presets(), s.sizes(), s.streamed(), s.clip(), mp4, hls, s.seconds()));
    }

    /** The ladder's files against the runs per rendition: the same streams, sizes and duration (within a frame). */
    private static void checkOutputs(Setup s, Path warm) throws Exception {
        MediaProbe probe = new MediaProbe(s.tools());
        List<String> checked = new ArrayList<>();
        for (LadderCommands.Preset preset : s.presets()) {
            MediaMetadata alone = probe.probe(warm.resolve("per").resolve(preset.definition() + ".mp4"));
            MediaMetadata joint = probe.probe(warm.resolve("ladder").resolve(preset.definition() + ".mp4"));
            if (alone.width() != joint.width() || alone.height() != joint.height() || Math.abs(alone.duration() - joint.duration()) > 0.04
                    || alone.videoStreams().size() != joint.videoStreams().size() || alone.audioStreams().size() != joint.audioStreams().size()) {
                throw new IllegalStateException("the ladder's " + preset.definition() + " differs: " + joint + " against " + alone);
            }
            checked.add(String.format(Locale.ROOT, "%d %dx%d %.2f s %d/%d bytes", preset.definition(), joint.width(), joint.height(),
                    joint.duration(), joint.size(), alone.size()));
        }
        for (int i = 0; i < s.presets().size(); i++) {
            if (s.streamed().get(i)) {
                String name = String.valueOf(s.presets().get(i).definition());
                List<String> playlistAlone = Files.readAllLines(warm.resolve("per/hls").resolve(name).resolve("index.m3u8"));
                List<String> playlistJoint = Files.readAllLines(warm.resolve("ladder/hls").resolve(name).resolve("index.m3u8"));
                if (!playlistAlone.equals(playlistJoint)) {
                    throw new IllegalStateException("the ladder's HLS " + name + " playlist differs: " + playlistJoint + " against " + playlistAlone);
                }
            }
        }
        System.out.println("outputs checked (ladder / per rendition): " + String.join("; ", checked) + "; HLS playlists identical");
    }

    private static Flow flow(PlatformUploadServer server, Path clip) throws Exception {
        String fileId = UploadDriver.uploadWithProcedure(URI.create(server.url()), clip, PROCEDURE);
        Instant committed = Instant.now();
        StoredEvent event = FlowOutcome.procedureStateChanged(server, fileId, 50);
        JsonNode body = JSON.readTree(event.event().body()).get("ProcedureStateChangeEvent");
        TaskFlow flow = server.node().flows().flows().find(body.get("TaskId").asText()).orElseThrow();
        if (!flow.status().equals("FINISH") || flow.tasks().size() != 4 || !flow.tasks().stream().allMatch(t -> t.status().equals("SUCCESS"))) {
            throw new IllegalStateException("the flow did not succeed: " + flow.tasks());
        }
        Instant begun = flow.tasks().stream().map(t -> t.beginTime().orElseThrow()).min(Comparator.naturalOrder()).orElseThrow();
        Instant finished = flow.tasks().stream().map(t -> t.finishTime().orElseThrow()).max(Comparator.naturalOrder()).orElseThrow();
        return new Flow(seconds(committed, event.createdAt()), seconds(begun, finished), flow.tasks().stream().map(FlowTask::attempts).toList());
    }

    private static void print(int r, Round round) {
        PerRendition p = round.perRendition();
        System.out.printf(Locale.ROOT, "round %d (load %.2f): per rendition %.2f s wall, %.2f s CPU (runs %s) | ladder %.2f s wall, "
                        + "%.2f s CPU | ratio %.3f%s | decode only %.2f s CPU, decode+split+scale %.2f s CPU%n",
                r, round.load(), p.wall(), p.cpu(), p.runs().stream().map(w -> String.format(Locale.ROOT, "%.1f", w)).toList(),
                round.ladder().wall(), round.ladder().cpu(), round.ladder().wall() / p.wall(),
                round.flowLadder().map(f -> String.format(Locale.ROOT, " | flow with the ladder %.2f s (tasks %.2f s, attempts %s), "
                        + "flow each task alone %.2f s (tasks %.2f s)", f.total(), f.tasks(), f.attempts(),
                        round.flowAlone().orElseThrow().total(), round.flowAlone().orElseThrow().tasks())).orElse(""),
                round.decode().cpu(), round.decodeAndScale().cpu());
    }

    private static void summary(LadderOptions o, Setup s, List<Round> rounds) {
        int runs = (int) (s.presets().size() + s.streamed().stream().filter(b -> b).count());
        System.out.println();
        System.out.printf(Locale.ROOT, "medians over %d rounds (%d s %dx%d clip; %s; per rendition: %d runs on %d lanes):%n",
                rounds.size(), o.seconds(), o.width(), o.height(), describe(s), runs, s.lanes());
        line("per rendition, wall", rounds, r -> r.perRendition().wall());
        line("per rendition, CPU", rounds, r -> r.perRendition().cpu());
        line("ladder, wall", rounds, r -> r.ladder().wall());
        line("ladder, CPU", rounds, r -> r.ladder().cpu());
        if (o.flows()) {
            line("flow with the ladder", rounds, r -> r.flowLadder().orElseThrow().total());
            line("flow, each task alone", rounds, r -> r.flowAlone().orElseThrow().total());
        }
        line("decode only, CPU", rounds, r -> r.decode().cpu());
        line("decode+split+scale, CPU", rounds, r -> r.decodeAndScale().cpu());
        double per = median(rounds, r -> r.perRendition().wall());
        double ladder = median(rounds, r -> r.ladder().wall());
        System.out.printf(Locale.ROOT, "ratio ladder / per rendition, wall: %.3f (medians), %.3f (median of the rounds' own ratios); "
                        + "aim: at most 0.6%n", ladder / per, median(rounds, r -> r.ladder().wall() / r.perRendition().wall()));
        System.out.printf(Locale.ROOT, "ratio ladder / per rendition, CPU: %.3f%n",
                median(rounds, r -> r.ladder().cpu()) / median(rounds, r -> r.perRendition().cpu()));
        if (o.flows()) {
            double flowLadder = median(rounds, r -> r.flowLadder().orElseThrow().total());
            System.out.printf(Locale.ROOT, "flow with the ladder / per rendition: %.3f; / flow each task alone: %.3f%n", flowLadder / per,
                    flowLadder / median(rounds, r -> r.flowAlone().orElseThrow().total()));
        }
        double decode = median(rounds, r -> r.decode().cpu());
        double scale = median(rounds, r -> r.decodeAndScale().cpu()) - decode;
        double perCpu = median(rounds, r -> r.perRendition().cpu());
        double ladderCpu = median(rounds, r -> r.ladder().cpu());
        System.out.printf(Locale.ROOT, "where the CPU goes: per rendition %.1f s = %d decodes %.1f s (%.0f %%) + scaling ~%.1f s + encoding "
                        + "and muxing ~%.1f s; ladder %.1f s = 1 decode %.1f s (%.0f %%) + scaling ~%.1f s + encoding and muxing ~%.1f s; "
                        + "cores used: per rendition %.2f, ladder %.2f%n",
                perCpu, runs, runs * decode, 100 * runs * decode / perCpu, scale * runs / s.presets().size(),
                perCpu - runs * decode - scale * runs / s.presets().size(), ladderCpu, decode, 100 * decode / ladderCpu, scale,
                ladderCpu - decode - scale, perCpu / per, ladderCpu / ladder);
    }

    private static void line(String what, List<Round> rounds, ToDoubleFunction<Round> value) {
        double[] v = rounds.stream().mapToDouble(value).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-26s %8.2f s  (min %.2f, max %.2f)%n", what, median(v), v[0], v[v.length - 1]);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        return median(rounds.stream().mapToDouble(value).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
