package io.openvod.platform.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.openvod.platform.flow.StepFailure;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX reviewer with real ONNX Runtime and small models written by {@link TinyOnnxModel}: the
 * model scores a frame by its mean colour, so a red and a blue frame get different top classes.
 */
class OnnxContentReviewerTest {
    static final List<String> LABELS = List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
    /** Rows R, G, B; columns the labels. Red leans to Porn, blue to Neutral, green to Drawing/Neutral. */
    static final float[][] WEIGHTS = {
            {0, 1, 0, 4, 1},
            {1, 0, 1, 0, 0},
            {0, 0, 4, 0, 1},
    };

    @TempDir
    Path dir;

    private Path model(String name, long[] shape, boolean nchw, boolean softmax) throws IOException {
        return Files.write(dir.resolve(name), TinyOnnxModel.meanColourClassifier(shape, nchw, WEIGHTS, softmax));
    }

    private Path jpeg(String name, Color colour, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, "jpeg", file.toFile())).isTrue();
        return file;
    }

    private static OnnxContentReviewer.Settings settings(Path model, List<String> labels, OnnxContentReviewer.Layout layout,
                                                         List<Double> mean, List<Double> std, boolean softmax) {
        return new OnnxContentReviewer.Settings(model, labels, 224, layout, 1.0 / 255, mean, std, softmax);
    }

    private static OnnxContentReviewer.Settings nhwc(Path model, boolean softmax) {
        return settings(model, LABELS, OnnxContentReviewer.Layout.NHWC, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), softmax);
    }

    /** The expected probabilities, computed from the decoded JPEG without the reviewer's code. */
    private static double[] expected(Path jpeg, double[] mean, double[] std) throws IOException {
        BufferedImage image = ImageIO.read(jpeg.toFile());
        double[] channel = new double[3];
        int n = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                channel[0] += ((rgb >> 16) & 0xff) / 255.0 / n;
                channel[1] += ((rgb >> 8) & 0xff) / 255.0 / n;
                channel[2] += (rgb & 0xff) / 255.0 / n;
            }
        }
        double[] logits = new double[LABELS.size()];
        for (int c = 0; c < 3; c++) {
            double v = (channel[c] - mean[c]) / std[c];
            for (int k = 0; k < logits.length; k++) {
                logits[k] += v * WEIGHTS[c][k];
            }
        }
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l);
        }
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k]) / sum;
        }
        return p;
    }

    private static String top(FrameScores scores) {
        return scores.probabilities().entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow().getKey();
    }

    private static void assertScores(FrameScores actual, double[] expected) {
        for (int k = 0; k < LABELS.size(); k++) {
            assertThat(actual.probability(LABELS.get(k))).as(LABELS.get(k)).isCloseTo(expected[k], within(0.01));
        }
    }

    @Test
    void redAndBlueFramesShouldGetTheModelsScoresWithSoftmaxInTheGraph() throws Exception {
        Path model = model("softmax.onnx", new long[] {1, 224, 224, 3}, false, true);
        Path red = jpeg("red.jpg", new Color(230, 20, 20), 96, 64);
        Path blue = jpeg("blue.jpg", new Color(20, 20, 230), 64, 96);
        try (OnnxContentReviewer reviewer = new OnnxContentReviewer(nhwc(model, false))) {
            List<FrameScores> scores = reviewer.classify(List.of(red, blue));
            assertThat(scores).hasSize(2);
            assertThat(top(scores.get(0))).isEqualTo(FrameScores.PORN);
            assertThat(top(scores.get(1))).isEqualTo(FrameScores.NEUTRAL);
            assertScores(scores.get(0), expected(red, new double[] {0, 0, 0}, new double[] {1, 1, 1}));
            assertScores(scores.get(1), expected(blue, new double[] {0, 0, 0}, new double[] {1, 1, 1}));
            assertThat(scores.get(0).porn()).isGreaterThan(0.7);
            assertThat(scores.get(1).porn()).isLessThan(0.1);
        }
    }

    @Test
    void softmaxOptionShouldTurnTheLogitsOfAModelWithoutSoftmaxIntoProbabilities() throws Exception {
        Path model = model("logits.onnx", new long[] {1, 224, 224, 3}, false, false);
        Path red = jpeg("red.jpg", new Color(230, 20, 20), 50, 50);
        try (OnnxContentReviewer withSoftmax = new OnnxContentReviewer(nhwc(model, true));
             OnnxContentReviewer raw = new OnnxContentReviewer(nhwc(model, false))) {
            FrameScores scores = withSoftmax.classify(List.of(red)).getFirst();
            assertScores(scores, expected(red, new double[] {0, 0, 0}, new double[] {1, 1, 1}));
            assertThat(scores.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-4));
            // Without the option the raw logits come through: red's Porn logit is about 4 × 230/255.
            assertThat(raw.classify(List.of(red)).getFirst().probability(FrameScores.PORN)).isCloseTo(4 * 230 / 255.0, within(0.05));
        }
    }

    @Test
    void nchwLayoutWithMeanAndStdShouldNormaliseEachChannel() throws Exception {
        Path model = model("nchw.onnx", new long[] {1, 3, 224, 224}, true, true);
        Path red = jpeg("red.jpg", new Color(230, 20, 20), 80, 80);
        Path blue = jpeg("blue.jpg", new Color(20, 20, 230), 80, 80);
        List<Double> mean = List.of(0.5, 0.4, 0.3);
        List<Double> std = List.of(0.25, 0.5, 0.2);
        try (OnnxContentReviewer reviewer = new OnnxContentReviewer(
                settings(model, LABELS, OnnxContentReviewer.Layout.NCHW, mean, std, false))) {
            List<FrameScores> scores = reviewer.classify(List.of(red, blue));
            assertThat(top(scores.get(0))).isEqualTo(FrameScores.PORN);
            assertThat(top(scores.get(1))).isEqualTo(FrameScores.NEUTRAL);
            assertScores(scores.get(0), expected(red, new double[] {0.5, 0.4, 0.3}, new double[] {0.25, 0.5, 0.2}));
            assertScores(scores.get(1), expected(blue, new double[] {0.5, 0.4, 0.3}, new double[] {0.25, 0.5, 0.2}));
        }
    }

    @Test
    void missingModelShouldBeUnavailableNamingThePathAndNeverPass() throws Exception {
        Path red = jpeg("red.jpg", Color.RED, 32, 32);
        Path absent = dir.resolve("models/absent.onnx");
        try (OnnxContentReviewer reviewer = new OnnxContentReviewer(nhwc(absent, false))) {
            assertThatThrownBy(() -> reviewer.classify(List.of(red)))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE))
                    .hasMessageContaining(absent.toString());
            // The operator puts the model in place: the next classification loads it.
            Files.createDirectories(absent.getParent());
            Files.write(absent, TinyOnnxModel.meanColourClassifier(new long[] {1, 224, 224, 3}, false, WEIGHTS, true));
            assertThat(top(reviewer.classify(List.of(red)).getFirst())).isEqualTo(FrameScores.PORN);
        }
    }

    @Test
    void fileThatIsNoModelShouldBeUnavailableNamingThePath() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "this is not a protobuf model");
        Path red = jpeg("red.jpg", Color.RED, 32, 32);
        try (OnnxContentReviewer reviewer = new OnnxContentReviewer(nhwc(garbage, false))) {
            assertThatThrownBy(() -> reviewer.classify(List.of(red)))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE))
                    .hasMessageContaining(garbage.toString());
        }
    }

    @Test
    void labelCountOtherThanTheOutputSizeShouldBeUnavailable() throws Exception {
        Path model = model("softmax.onnx", new long[] {1, 224, 224, 3}, false, true);
        Path red = jpeg("red.jpg", Color.RED, 32, 32);
        OnnxContentReviewer.Settings fourLabels = settings(model, List.of("Drawing", "Neutral", "Porn", "Sexy"),
                OnnxContentReviewer.Layout.NHWC, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), false);
        try (OnnxContentReviewer reviewer = new OnnxContentReviewer(fourLabels)) {
            assertThatThrownBy(() -> reviewer.classify(List.of(red)))
                    .isInstanceOfSatisfying(StepFailure.class, f -> {
                        assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE);
                        assertThat(f.retryable()).isFalse();
                    })
                    .hasMessageContaining("answers 5 values").hasMessageContaining("4 labels");
        }
    }

    @Test
    void inputSizeTheModelDoesNotTakeShouldBeUnavailable() throws Exception {
        Path model = model("small.onnx", new long[] {1, 32, 32, 3}, false, true);
        Path red = jpeg("red.jpg", Color.RED, 32, 32);
        try (OnnxContentReviewer reviewer = new OnnxContentReviewer(nhwc(model, false))) {
            assertThatThrownBy(() -> reviewer.classify(List.of(red)))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE))
                    .hasMessageContaining(model.toString());
        }
    }

    @Test
    void nonJpegFramesShouldBeInvalidInput() throws Exception {
        Path model = model("softmax.onnx", new long[] {1, 224, 224, 3}, false, true);
        Path text = Files.writeString(dir.resolve("frame.jpg"), "not an image at all");
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("frame-png.jpg");
        ImageIO.write(image, "png", png.toFile());
        try (OnnxContentReviewer reviewer = new OnnxContentReviewer(nhwc(model, false))) {
            for (Path frame : List.of(text, png)) {
                assertThatThrownBy(() -> reviewer.classify(List.of(frame)))
                        .isInstanceOfSatisfying(StepFailure.class, f -> {
                            assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.INVALID_INPUT);
                            assertThat(f.retryable()).isFalse();
                        })
                        .hasMessageContaining(frame.getFileName().toString());
            }
        }
    }

    @Test
    void framesShouldBeClassifiedFromSeveralThreadsAtOnceAndNotAfterClose() throws Exception {
        Path model = model("softmax.onnx", new long[] {1, 224, 224, 3}, false, true);
        Path red = jpeg("red.jpg", new Color(230, 20, 20), 40, 40);
        Path blue = jpeg("blue.jpg", new Color(20, 20, 230), 40, 40);
        OnnxContentReviewer reviewer = new OnnxContentReviewer(nhwc(model, false));
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<FrameScores>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> reviewer.classify(List.of(red, blue))));
            }
            for (Future<List<FrameScores>> run : runs) {
                List<FrameScores> scores = run.get();
                assertThat(top(scores.get(0))).isEqualTo(FrameScores.PORN);
                assertThat(top(scores.get(1))).isEqualTo(FrameScores.NEUTRAL);
            }
        }
        reviewer.close();
        assertThatThrownBy(() -> reviewer.classify(List.of(red)))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE));
    }
}
