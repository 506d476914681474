package io.openvod.bench.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.StepOutputs;
import io.openvod.platform.flow.steps.PornReviewStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.review.NsfwjsSidecar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content review throughput with the real nsfwjs sidecar ({@link NsfwjsSidecar}).
 *
 * <pre>ReviewThroughput --dir DIR --sidecar DIR [--frames 60] [--runs 5] [--width 640] [--height 360] [--node node]</pre>
 *
 * <p>It makes a clip once with the bundled FFmpeg (a {@code testsrc2} pattern with a tone, x264 +
 * AAC, {@code 2 × frames} seconds long, so that the review step takes exactly {@code frames}
 * frames), then measures, {@code runs} times each, and prints every run and the medians:
 * <ul>
 *   <li><b>sampling</b>: the frames taken in one FFmpeg run with the step's own filter (one every
 *       2 s, JPEG {@code -q:v 3});</li>
 *   <li><b>model load</b>: a new sidecar, from {@code node server.mjs} to the first frame's answer
 *       (cold), and the load time the sidecar reports itself (TensorFlow.js WASM backend, model,
 *       one warm-up pass);</li>
 *   <li><b>classification</b>: the sampled frames sent one at a time, as the step sends them, to
 *       one warm sidecar;</li>
 *   <li><b>whole step</b>: {@link PornReviewStep} on the clip (ffprobe, sampling, classification,
 *       result) with that warm sidecar.</li>
 * </ul>
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

        List<Double> sampling = new ArrayList<>();
        List<Path> frames = List.of();
        for (int run = 1; run <= o.runs(); run++) {
            t = System.nanoTime();
            frames = sample(tools, clip, o.dir().resolve("frames-" + run));
            sampling.add(seconds(t));
            if (frames.size() != o.frames()) {
                throw new IllegalStateException("sampled " + frames.size() + " frames, expected " + o.frames());
            }
            System.out.printf(Locale.ROOT, "sampling run %d: %d frames in %.3f s%n", run, frames.size(), sampling.getLast());
        }

        List<Double> cold = new ArrayList<>();
        List<Double> reported = new ArrayList<>();
        for (int run = 1; run <= o.runs(); run++) {
            try (NsfwjsSidecar sidecar = new NsfwjsSidecar(o.sidecar(), o.node())) {
                t = System.nanoTime();
                sidecar.classify(List.of(frames.getFirst()));
                cold.add(seconds(t));
                reported.add(sidecar.loadMillis() / 1000);
            }
            System.out.printf(Locale.ROOT, "model load run %d: start to first answer %.3f s (the sidecar's own load %.3f s)%n", run,
                    cold.getLast(), reported.getLast());
        }

        List<Double> classification = new ArrayList<>();
        List<Double> step = new ArrayList<>();
        try (NsfwjsSidecar sidecar = new NsfwjsSidecar(o.sidecar(), o.node())) {
            classifyOneByOne(sidecar, frames); // unmeasured: starts the sidecar and warms both sides
            for (int run = 1; run <= o.runs(); run++) {
                t = System.nanoTime();
                classifyOneByOne(sidecar, frames);
                classification.add(seconds(t));
                System.out.printf(Locale.ROOT, "classification run %d: %d frames in %.3f s = %.2f frames/s%n", run, frames.size(),
                        classification.getLast(), frames.size() / classification.getLast());
            }
            PornReviewStep review = new PornReviewStep(tools, sidecar);
            for (int run = 0; run <= o.runs(); run++) {
                StepInput input = input(o, clip, meta.duration(), run);
                t = System.nanoTime();
                ObjectNode output = review.run(input, null);
                double s = seconds(t);
                if (run == 0) {
                    System.out.println("step output (unmeasured pass): " + output);
                    continue;
                }
                step.add(s);
                System.out.printf(Locale.ROOT, "whole step run %d: %d frames in %.3f s = %.2f frames/s (Suggestion %s, Confidence %s)%n",
                        run, o.frames(), s, o.frames() / s, output.path("Suggestion").asText(), output.path("Confidence").asText());
            }
        }

        double classify = median(classification);
        double whole = median(step);
        System.out.printf(Locale.ROOT, "%nmedians of %d runs, %d frames of %dx%d:%n", o.runs(), o.frames(), o.width(), o.height());
        System.out.printf(Locale.ROOT, "  sampling (one FFmpeg run):     %.3f s = %.1f frames/s%n", median(sampling),
                o.frames() / median(sampling));
        System.out.printf(Locale.ROOT, "  classification alone:          %.3f s = %.2f frames/s (%.1f ms per frame)%n", classify,
                o.frames() / classify, 1000 * classify / o.frames());
        System.out.printf(Locale.ROOT, "  whole PornReviewStep:          %.3f s = %.2f frames/s (%.1f ms per frame)%n", whole,
                o.frames() / whole, 1000 * whole / o.frames());
        System.out.printf(Locale.ROOT, "  model load, start to 1st frame: %.3f s (the sidecar's own load %.3f s)%n", median(cold),
                median(reported));
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

    private static void classifyOneByOne(NsfwjsSidecar sidecar, List<Path> frames) throws Exception {
        for (Path frame : frames) {
            if (sidecar.classify(List.of(frame)).size() != 1) {
                throw new IllegalStateException("the sidecar did not answer one result for " + frame);
            }
        }
    }

    private static StepInput input(ReviewOptions o, Path clip, double duration, int run) throws IOException {
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
