package io.openvod.platform.review;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.openvod.platform.flow.StepFailure;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link ContentReviewer} that runs an operator-supplied image classifier in ONNX format in this
 * process, with ONNX Runtime (CPU). The model is loaded on the first classification; a model that
 * is missing or cannot be loaded fails that classification with {@link ContentReviewer#UNAVAILABLE}
 * naming the file, and loading is tried again on the next one.
 *
 * <p>Model contract: the first input takes one frame as a float tensor, {@code [1, size, size, 3]}
 * ({@link Layout#NHWC}) or {@code [1, 3, size, size]} ({@link Layout#NCHW}), RGB, each channel
 * value {@code v} (0–255) given as {@code (v × scale − mean[c]) / std[c]}; the first output is
 * {@code [1, N]} floats, one per label, in the order of {@link Settings#labels()} (probabilities,
 * or logits with {@link Settings#softmax()}). Frames are decoded with {@code javax.imageio} and
 * resized bilinearly to {@code size}×{@code size}.
 *
 * <p>Thread-safe: frames of several tasks may be classified at once.
 */
public final class OnnxContentReviewer implements ContentReviewer {
    private final Settings settings;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private OrtSession session;
    private String inputName;
    private boolean closed;

    public OnnxContentReviewer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
    }

    /** Tensor layouts of the model's input. */
    public enum Layout {
        /** {@code [1, height, width, channels]} (TensorFlow, Keras). */
        NHWC,
        /** {@code [1, channels, height, width]} (PyTorch). */
        NCHW
    }

    /**
     * The model and how frames are given to it.
     *
     * @param model the .onnx file
     * @param labels the class names, in the order of the model's output
     * @param inputSize the width and height of the input
     * @param layout the input tensor's layout
     * @param scale the factor applied to each 0–255 channel value
     * @param mean subtracted per channel (R, G, B) after scaling
     * @param std divides per channel (R, G, B) after the mean
     * @param softmax apply softmax to the output (a model answering logits)
     */
    public record Settings(Path model, List<String> labels, int inputSize, Layout layout, double scale,
                           List<Double> mean, List<Double> std, boolean softmax) {
        public Settings {
            Objects.requireNonNull(model, "model == null");
            labels = List.copyOf(labels);
            Objects.requireNonNull(layout, "layout == null");
            mean = List.copyOf(mean);
            std = List.copyOf(std);
            if (labels.isEmpty() || inputSize < 1 || mean.size() != 3 || std.size() != 3) {
                throw new IllegalArgumentException("labels must not be empty, inputSize positive, mean and std three numbers");
            }
        }
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public List<FrameScores> classify(List<Path> jpegs) throws StepFailure {
        lock.readLock().lock();
        try {
            OrtSession model = session();
            List<FrameScores> scores = new ArrayList<>(jpegs.size());
            for (Path jpeg : jpegs) {
                scores.add(classifyOne(model, jpeg));
            }
            return scores;
        } finally {
            lock.readLock().unlock();
        }
    }

    private FrameScores classifyOne(OrtSession model, Path jpeg) throws StepFailure {
        int size = settings.inputSize();
        FloatBuffer input = tensor(FramePixels.rgb(jpeg, size));
        long[] shape = settings.layout() == Layout.NHWC ? new long[] {1, size, size, 3} : new long[] {1, 3, size, size};
        float[] output;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
             OrtSession.Result result = model.run(Map.of(inputName, tensor))) {
            output = floats(result);
        } catch (OrtException e) {
            throw new StepFailure(UNAVAILABLE, "the review model " + settings.model() + " cannot classify frame "
                    + jpeg.getFileName() + ": " + e.getMessage(), true, e);
        }
        if (output.length != settings.labels().size()) {
            throw new StepFailure(UNAVAILABLE, "the review model " + settings.model() + " answers " + output.length
                    + " values, but " + settings.labels().size() + " labels are configured (platform.review.onnx.labels)", false);
        }
        if (settings.softmax()) {
            softmax(output);
        }
        Map<String, Double> probabilities = new HashMap<>();
        for (int i = 0; i < output.length; i++) {
            probabilities.merge(settings.labels().get(i), (double) output[i], Math::max);
        }
        return new FrameScores(probabilities);
    }

    private float[] floats(OrtSession.Result result) throws StepFailure {
        OnnxValue first = result.size() == 0 ? null : result.get(0);
        if (!(first instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT) {
            throw new StepFailure(UNAVAILABLE, "the review model " + settings.model()
                    + " does not answer a float tensor as its first output", false);
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** The frame's pixels as the model's input, in the configured layout, scaled and normalised. */
    private FloatBuffer tensor(int[] rgb) {
        int pixels = rgb.length;
        float[] data = new float[pixels * 3];
        float scale = (float) settings.scale();
        float[] mean = {settings.mean().get(0).floatValue(), settings.mean().get(1).floatValue(), settings.mean().get(2).floatValue()};
        float[] std = {settings.std().get(0).floatValue(), settings.std().get(1).floatValue(), settings.std().get(2).floatValue()};
        boolean nhwc = settings.layout() == Layout.NHWC;
        for (int p = 0; p < pixels; p++) {
            int v = rgb[p];
            int[] channels = {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
            for (int c = 0; c < 3; c++) {
                float value = (channels[c] * scale - mean[c]) / std[c];
                data[nhwc ? p * 3 + c : c * pixels + p] = value;
            }
        }
        return FloatBuffer.wrap(data);
    }

    static void softmax(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] exp = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            exp[i] = Math.exp(values[i] - max);
            sum += exp[i];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (exp[i] / sum);
        }
    }

    /** The loaded model, loading it on first use; the caller holds the read lock. */
    private OrtSession session() throws StepFailure {
        synchronized (this) {
            if (closed) {
                throw new StepFailure(UNAVAILABLE, "the review model is closed", true);
            }
            if (session != null) {
                return session;
            }
            Path model = settings.model();
            if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
                throw new StepFailure(UNAVAILABLE, "content review is unavailable: the ONNX model " + model
                        + " does not exist or is not readable (platform.review.onnx.model)", false);
            }
            try {
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                    OrtSession loaded = env.createSession(model.toString(), options);
                    if (loaded.getInputInfo().isEmpty()) {
                        loaded.close();
                        throw new StepFailure(UNAVAILABLE, "content review is unavailable: the ONNX model " + model
                                + " has no input", false);
                    }
                    inputName = loaded.getInputInfo().keySet().iterator().next();
                    session = loaded;
                    return loaded;
                }
            } catch (OrtException e) {
                throw new StepFailure(UNAVAILABLE, "content review is unavailable: the ONNX model " + model
                        + " cannot be loaded: " + e.getMessage(), false, e);
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new StepFailure(UNAVAILABLE, "content review is unavailable: ONNX Runtime cannot load on this machine: "
                        + e.getMessage(), false, new IllegalStateException(e));
            }
        }
    }

    /** Releases the model; further classifications fail with {@link ContentReviewer#UNAVAILABLE}. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            synchronized (this) {
                closed = true;
                if (session != null) {
                    try {
                        session.close();
                    } catch (OrtException ignored) {
                        // Closing releases native memory; nothing else to do when it fails.
                    }
                    session = null;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
