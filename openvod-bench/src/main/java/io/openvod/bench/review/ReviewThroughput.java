package io.openvod.bench.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.StepOutputs;
import io.openvod.platform.flow.steps.PornReviewStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.review.NsfwjsSidecar;
import io.openvod.platform.review.RgbFrame;
import io.openvod.platform.review.RgbReviewer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Content review throughput with the real nsfwjs sidecar ({@link NsfwjsSidecar}): the review step
 * as it was (the reference) against the step as it is, in one session, on one clip.
 *
 * <pre>ReviewThroughput --dir DIR --sidecar DIR [--frames 60] [--runs 5] [--width 640] [--height 360] [--node node]</pre>
 *
 * <p>It makes a clip once with the bundled FFmpeg (a {@code testsrc2} pattern with a tone, x264 +
 * AAC, {@code 2 × frames} seconds long, so that the review step takes exactly {@code frames}
 * frames), then measures, {@code runs} times each, and prints every run, the medians, the spread
 * (min–max) and the ratios:
 * <ul>
 *   <li><b>model load</b>: a new sidecar, from {@code node server.mjs} to the first frame's answer
 *       (cold), and the load time the sidecar reports itself;</li>
 *   <li><b>sampling alone</b>: the frames taken in one FFmpeg run with the step's filter as JPEGs;</li>
 *   <li><b>classification alone</b>: those JPEGs sent one at a time to one warm sidecar, (a) through
 *       nsfwjs's own {@code classify()} ({@link NsfwjsSidecar#classifyReference}, the computation
 *       before the folded graph) and (b) through the folded graph ({@link NsfwjsSidecar#classify});</li>
 *   <li><b>whole step, old</b>: {@link PornReviewStep} with a reviewer that takes JPEGs and classifies
 *       them with nsfwjs's own {@code classify()}: the step as it was — all frames sampled as JPEGs
 *       first, then classified one at a time;</li>
 *   <li><b>whole step, new</b>: {@link PornReviewStep} with the sidecar itself (an
 *       {@link RgbReviewer}): frames streamed from FFmpeg as RGB and classified by the folded graph
 *       while FFmpeg decodes.</li>
 * </ul>
 * The old and new steps run alternately (old first in odd runs, new first in even ones), so that
 * the machine's load falls on both alike. Every step run must classify exactly {@code frames}
 * frames (its {@code openvod.review.frames} counter and the frames its reviewer saw). The scores
 * of the two steps are compared frame by frame ({@link ScoreComparison}: the largest absolute
 * difference per class, the frames whose verdict differs), and so are the folded graph's and
 * nsfwjs's scores of the same JPEGs (the model's part of the difference). After each new step the
 * sidecar's resident memory and the JVM's used heap are printed, to show they stay flat.
 */
public final class ReviewThroughput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewThroughput() {
    }

    public static void main(String[] args) throws Exception {
        ReviewOptions o = ReviewOptions.parse(args);
        FfmpegTools tools = FfmpegTools.bundled();
        Files.createDirectories(o.dir());
        long t = System.nanoTime();
        Path clip = makeClip(tools, o, o.dir().resolve("clip.mp4"));
        MediaMetadata meta = new MediaProbe(tools).probe(clip);
        System.out.printf(Locale.ROOT, "clip: %.1f s, %dx%d, %d bytes, made in %.1f s; ffmpeg %s; sidecar %s%n", meta.duration(),
                meta.width(), meta.height(), meta.size(), seconds(t), tools.version(), o.sidecar());
        Figures f = new Figures();
        List<Path> frames = o.onlyNew() ? List.of() : samplingAndLoad(tools, o, clip, f);

        try (NsfwjsSidecar sidecar = new NsfwjsSidecar(o.sidecar(), o.node())) {
            sidecar.classifyRgb(List.of(new RgbFrame(0, 16, 16, new byte[16 * 16 * 3]))); // starts it, unmeasured
            System.out.println("sidecar graph: " + sidecar.graph());
            ScoreComparison model = o.onlyNew() ? null : classificationAlone(o, sidecar, frames, f);

            OldStep old = new OldStep(sidecar);
            NewStep next = new NewStep(sidecar);
            List<Step> kinds = o.onlyNew() ? List.of(next) : List.of(old, next);
            for (Step step : kinds) {
                System.out.println(step.name() + " step output (unmeasured pass): " + step.run(tools, o, clip, meta.duration(), 0));
            }
            for (int run = 1; run <= o.runs(); run++) {
                for (Step step : run % 2 == 1 ? kinds : kinds.reversed()) {
                    CpuTimes before = CpuTimes.now(sidecarPid());
                    t = System.nanoTime();
                    ObjectNode output = step.run(tools, o, clip, meta.duration(), run);
                    double s = seconds(t);
                    CpuTimes spent = CpuTimes.now(sidecarPid()).since(before);
                    f.times(step).add(s);
                    f.cpu(step).add(spent);
                    f.outputs(step).add(output);
                    System.out.printf(Locale.ROOT, "%s step run %d: %d frames in %.3f s = %.2f frames/s (%s); %s%s%n", step.name(), run,
                            o.frames(), s, o.frames() / s, verdict(output) + ", Confidence " + output.path("Confidence").asText(),
                            spent.perFrame(o.frames(), s), step == next ? "; " + memory() : "");
                }
            }
            print(o, f, model, o.onlyNew() ? null : ScoreComparison.of(old.scores(), next.scores()));
        }
    }

    /** Sampling alone and the cold model load, each {@code runs} times; returns the last sampled JPEGs. */
    private static List<Path> samplingAndLoad(FfmpegTools tools, ReviewOptions o, Path clip, Figures f) throws Exception {
        List<Path> frames = List.of();
        for (int run = 1; run <= o.runs(); run++) {
            long t = System.nanoTime();
            frames = sample(tools, clip, o.dir().resolve("frames-" + run));
            f.sampling.add(seconds(t));
            requireFrames(o, frames.size(), "sampling");
            System.out.printf(Locale.ROOT, "sampling run %d: %d frames in %.3f s%n", run, frames.size(), f.sampling.getLast());
        }
        for (int run = 1; run <= o.runs(); run++) {
            try (NsfwjsSidecar sidecar = new NsfwjsSidecar(o.sidecar(), o.node())) {
                long t = System.nanoTime();
                sidecar.classify(List.of(frames.getFirst()));
                f.cold.add(seconds(t));
                f.reported.add(sidecar.loadMillis() / 1000);
            }
            System.out.printf(Locale.ROOT, "model load run %d: start to first answer %.3f s (the sidecar's own load %.3f s)%n", run,
                    f.cold.getLast(), f.reported.getLast());
        }
        return frames;
    }

    /** The JPEGs classified one at a time, by nsfwjs's classify() and by the folded graph; compares their scores. */
    private static ScoreComparison classificationAlone(ReviewOptions o, NsfwjsSidecar sidecar, List<Path> frames, Figures f)
            throws StepFailure {
        oneByOne(frames, sidecar::classifyReference); // warms both paths, unmeasured
        oneByOne(frames, sidecar::classify);
        List<FrameScores> reference = List.of();
        List<FrameScores> folded = List.of();
        for (int run = 1; run <= o.runs(); run++) {
            CpuTimes before = CpuTimes.now(sidecarPid());
            long t = System.nanoTime();
            reference = oneByOne(frames, sidecar::classifyReference);
            f.referenceAlone.add(seconds(t));
            CpuTimes between = CpuTimes.now(sidecarPid());
            t = System.nanoTime();
            folded = oneByOne(frames, sidecar::classify);
            f.foldedAlone.add(seconds(t));
            CpuTimes after = CpuTimes.now(sidecarPid());
            f.referenceCpu.add(1000 * between.since(before).sidecar() / frames.size());
            f.foldedCpu.add(1000 * after.since(between).sidecar() / frames.size());
            System.out.printf(Locale.ROOT, "classification run %d: nsfwjs classify() %.3f s = %.2f frames/s (sidecar CPU %.1f ms/frame);"
                    + " folded graph %.3f s = %.2f frames/s (%.1f ms/frame)%n", run, f.referenceAlone.getLast(),
                    frames.size() / f.referenceAlone.getLast(), f.referenceCpu.getLast(), f.foldedAlone.getLast(),
                    frames.size() / f.foldedAlone.getLast(), f.foldedCpu.getLast());
        }
        return ScoreComparison.of(reference, folded);
    }

    /** The measured times, CPU times and outputs, per kind. */
    private static final class Figures {
        final List<Double> sampling = new ArrayList<>();
        final List<Double> cold = new ArrayList<>();
        final List<Double> reported = new ArrayList<>();
        final List<Double> referenceAlone = new ArrayList<>();
        final List<Double> foldedAlone = new ArrayList<>();
        final List<Double> referenceCpu = new ArrayList<>();
        final List<Double> foldedCpu = new ArrayList<>();
        final Map<String, List<Double>> times = new HashMap<>();
        final Map<String, List<CpuTimes>> cpu = new HashMap<>();
        final Map<String, List<ObjectNode>> outputs = new HashMap<>();

        List<Double> times(Step step) {
            return times.computeIfAbsent(step.name(), k -> new ArrayList<>());
        }

        List<CpuTimes> cpu(Step step) {
            return cpu.computeIfAbsent(step.name(), k -> new ArrayList<>());
        }

        List<ObjectNode> outputs(Step step) {
            return outputs.computeIfAbsent(step.name(), k -> new ArrayList<>());
        }
    }

    private static void print(ReviewOptions o, Figures f, ScoreComparison model, ScoreComparison steps) {
        int n = o.frames();
        System.out.printf(Locale.ROOT, "%nmedians of %d runs (spread: slowest–fastest run), %d frames of %dx%d:%n", o.runs(), n,
                o.width(), o.height());
        List<Double> newStep = f.times.get("new");
        if (!o.onlyNew()) {
            List<Double> oldStep = f.times.get("old");
            System.out.printf(Locale.ROOT, "  whole step, old (sample all, then JPEG one by one, nsfwjs classify()): %s%n", rate(n, oldStep));
            System.out.printf(Locale.ROOT, "      %s%n", medianCpu(f.cpu.get("old")).perFrame(n, median(oldStep)));
        }
        System.out.printf(Locale.ROOT, "  whole step, new (RGB streamed while FFmpeg decodes, folded graph):    %s%n", rate(n, newStep));
        System.out.printf(Locale.ROOT, "      %s%n", medianCpu(f.cpu.get("new")).perFrame(n, median(newStep)));
        if (o.onlyNew()) {
            return;
        }
        System.out.printf(Locale.ROOT, "  new / old, frames/s of the medians: %.2f×%n", median(f.times.get("old")) / median(newStep));
        System.out.printf(Locale.ROOT, "  sampling alone (one FFmpeg run, JPEGs):        %s%n", rate(n, f.sampling));
        System.out.printf(Locale.ROOT, "  classification alone, nsfwjs classify(), JPEG: %s; sidecar CPU %.1f ms/frame%n",
                rate(n, f.referenceAlone), median(f.referenceCpu));
        System.out.printf(Locale.ROOT, "  classification alone, folded graph, JPEG:      %s; sidecar CPU %.1f ms/frame%n",
                rate(n, f.foldedAlone), median(f.foldedCpu));
        System.out.printf(Locale.ROOT, "  model load, start to 1st frame: %.3f s (the sidecar's own load %.3f s)%n", median(f.cold),
                median(f.reported));
        System.out.println("scores, new step vs old step, frame by frame (max |difference| per class): " + steps.describe());
        System.out.println("scores, folded graph vs nsfwjs classify() on the same JPEGs: " + model.describe());
        List<String> oldVerdicts = f.outputs.get("old").stream().map(ReviewThroughput::verdict).toList();
        List<String> newVerdicts = f.outputs.get("new").stream().map(ReviewThroughput::verdict).toList();
        boolean same = oldVerdicts.stream().distinct().count() == 1 && oldVerdicts.equals(newVerdicts);
        System.out.println("step verdicts: old " + oldVerdicts.getFirst() + ", new " + newVerdicts.getFirst()
                + (same ? " (the same in every run)" : " — DIFFER: old " + oldVerdicts + ", new " + newVerdicts));
        System.out.println("step Confidence (the top frame's score × 100): old "
                + f.outputs.get("old").getFirst().path("Confidence").asText() + ", new "
                + f.outputs.get("new").getFirst().path("Confidence").asText());
    }

    private static CpuTimes medianCpu(List<CpuTimes> runs) {
        return new CpuTimes(median(runs.stream().map(CpuTimes::jvm).toList()), median(runs.stream().map(CpuTimes::children).toList()),
                median(runs.stream().map(CpuTimes::sidecar).toList()));
    }

    private static String rate(int frames, List<Double> times) {
        double median = median(times);
        double min = times.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = times.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(Locale.ROOT, "%.3f s = %.2f frames/s (%.1f ms/frame; runs %.2f–%.2f frames/s)", median,
                frames / median, 1000 * median / frames, frames / max, frames / min);
    }

    private static String verdict(ObjectNode output) {
        return "Suggestion " + output.path("Suggestion").asText() + ", Label '" + output.path("Label").asText() + "'";
    }

    /** The review step run once, counting the frames it reports and recording the scores its reviewer gave. */
    private abstract static class Step {
        private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        private double counted;

        abstract String name();

        abstract ContentReviewer reviewer();

        abstract List<FrameScores> scores();

        abstract void reset();

        ObjectNode run(FfmpegTools tools, ReviewOptions o, Path clip, double duration, int run) throws Exception {
            reset();
            ObjectNode output = new PornReviewStep(tools, reviewer(), PornReviewStep.Thresholds.DEFAULT, registry)
                    .run(input(o, clip, duration, name() + "-" + run), null);
            double total = registry.get("openvod.review.frames").counter().count();
            int reported = (int) (total - counted);
            counted = total;
            requireFrames(o, reported, name() + " step (frames it reports)");
            requireFrames(o, scores().size(), name() + " step (frames its reviewer classified)");
            return output;
        }
    }

    /** As the step was: JPEGs sampled first, each classified by nsfwjs's own classify(). */
    private static final class OldStep extends Step {
        private final List<FrameScores> scores = new ArrayList<>();
        private final ContentReviewer reviewer;

        OldStep(NsfwjsSidecar sidecar) {
            this.reviewer = jpegs -> {
                List<FrameScores> s = sidecar.classifyReference(jpegs);
                scores.addAll(s);
                return s;
            };
        }

        @Override
        String name() {
            return "old";
        }

        @Override
        ContentReviewer reviewer() {
            return reviewer;
        }

        @Override
        List<FrameScores> scores() {
            return List.copyOf(scores);
        }

        @Override
        void reset() {
            scores.clear();
        }
    }

    /** As the step is: the sidecar as an {@link RgbReviewer}, its scores recorded by frame index. */
    private static final class NewStep extends Step implements RgbReviewer {
        private final NsfwjsSidecar sidecar;
        private final Map<Integer, FrameScores> scores = new ConcurrentSkipListMap<>();

        NewStep(NsfwjsSidecar sidecar) {
            this.sidecar = sidecar;
        }

        @Override
        String name() {
            return "new";
        }

        @Override
        ContentReviewer reviewer() {
            return this;
        }

        @Override
        List<FrameScores> scores() {
            return List.copyOf(scores.values());
        }

        @Override
        void reset() {
            scores.clear();
        }

        @Override
        public List<FrameScores> classify(List<Path> jpegs) throws StepFailure {
            throw new StepFailure(UNAVAILABLE, "the new step must stream its frames", false);
        }

        @Override
        public List<FrameScores> classifyRgb(List<RgbFrame> frames) throws StepFailure {
            List<FrameScores> s = sidecar.classifyRgb(frames);
            for (int i = 0; i < s.size(); i++) {
                if (scores.put(frames.get(i).index(), s.get(i)) != null) {
                    throw new IllegalStateException("frame " + frames.get(i).index() + " classified twice");
                }
            }
            return s;
        }

        @Override
        public int parallelism() {
            return sidecar.parallelism();
        }
    }

    private interface Classifier {
        List<FrameScores> classify(List<Path> jpegs) throws StepFailure;
    }

    private static List<FrameScores> oneByOne(List<Path> frames, Classifier classifier) throws StepFailure {
        List<FrameScores> scores = new ArrayList<>(frames.size());
        for (Path frame : frames) {
            List<FrameScores> one = classifier.classify(List.of(frame));
            if (one.size() != 1) {
                throw new IllegalStateException("the sidecar did not answer one result for " + frame);
            }
            scores.add(one.getFirst());
        }
        return scores;
    }

    private static void requireFrames(ReviewOptions o, int frames, String what) {
        if (frames != o.frames()) {
            throw new IllegalStateException(what + ": " + frames + " frames, expected " + o.frames());
        }
    }

    /** The sidecar's resident memory (its node process, a child of this JVM) and this JVM's heap in use after a GC. */
    private static String memory() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        long pid = sidecarPid();
        return "sidecar RSS " + (pid > 0 ? residentMiB(pid) : "?") + " MiB, JVM heap in use " + heap + " MiB";
    }

    /** The running sidecar's process id, 0 when none runs. */
    private static long sidecarPid() {
        return ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains("server.mjs"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(0);
    }

    private static String residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "?";
        }
        return "?";
    }

    /** A test pattern of the options' size and length, H.264 + AAC, index first. */
    static Path makeClip(FfmpegTools tools, ReviewOptions o, Path clip) throws IOException, InterruptedException {
        run(tools, List.of("-nostdin", "-hide_banner", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + o.width() + "x" + o.height() + ":rate=25:duration=" + o.seconds(),
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + o.seconds(),
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                "-movflags", "+faststart", clip.toAbsolutePath().toString()));
        return clip;
    }

    /** One frame every 2 s from the start, in one FFmpeg run, as the review step samples (its filter and quality). */
    static List<Path> sample(FfmpegTools tools, Path clip, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        run(tools, List.of("-nostdin", "-hide_banner", "-v", "error", "-y", "-protocol_whitelist", "file",
                "-i", clip.toAbsolutePath().toString(), "-map", "0:v:0",
                "-vf", "select='isnan(prev_selected_t)+gte(t-prev_selected_t,1.999)'", "-fps_mode", "vfr", "-frames:v", "100",
                "-q:v", "3", "-start_number", "0", "-f", "image2", directory.resolve("%d.jpg").toAbsolutePath().toString()));
        List<Path> frames = new ArrayList<>();
        for (int n = 0; Files.isRegularFile(directory.resolve(n + ".jpg")); n++) {
            frames.add(directory.resolve(n + ".jpg"));
        }
        return frames;
    }

    private static StepInput input(ReviewOptions o, Path clip, double duration, String run) throws IOException {
        Path outputs = Files.createDirectories(o.dir().resolve("outputs-" + run));
        StepOutputs store = new StepOutputs() {
            @Override
            public String store(String name, Path file) {
                try {
                    Path target = outputs.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    return url(name);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public String url(String name) {
                return outputs.resolve(name).toUri().toString();
            }
        };
        return new StepInput("bench-" + run, "bench", clip, duration, JSON.createObjectNode().put("Definition", 10),
                Files.createDirectories(o.dir().resolve("work-" + run)), store);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void run(FfmpegTools tools, List<String> args) throws IOException, InterruptedException {
        Process process = tools.ffmpegCommand(args).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        int exit = process.waitFor();
        if (exit != 0) {
            String text = new String(output, StandardCharsets.UTF_8);
            throw new IllegalStateException("ffmpeg exited with " + exit + ": " + text.substring(Math.max(0, text.length() - 2000)));
        }
    }
}
