package io.openvod.platform.review;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models as protobuf bytes by hand, so that tests need no model download and no
 * Python: an image input reduced to its mean colour, multiplied by a {@code [3, N]} weight matrix,
 * optionally followed by {@code Softmax}. Only the fields of {@code onnx.proto} these models use
 * are written.
 */
final class TinyOnnxModel {
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private TinyOnnxModel() {
    }

    /**
     * A classifier of the mean colour: input {@code image} of {@code inputShape} (NHWC or NCHW),
     * {@code ReduceMean} over the spatial axes, {@code MatMul} with {@code weights} ([3][N], rows
     * R, G, B), then {@code Softmax} when asked; output {@code scores} [1, N].
     */
    static byte[] meanColourClassifier(long[] inputShape, boolean nchw, float[][] weights, boolean softmax) {
        int classes = weights[0].length;
        List<byte[]> nodes = new ArrayList<>();
        nodes.add(node("ReduceMean", List.of("image"), "mean",
                attributeInts("axes", nchw ? new long[] {2, 3} : new long[] {1, 2}), attributeInt("keepdims", 0)));
        nodes.add(node("MatMul", List.of("mean", "weights"), softmax ? "logits" : "scores"));
        if (softmax) {
            nodes.add(node("Softmax", List.of("logits"), "scores", attributeInt("axis", 1)));
        }
        float[] flat = new float[3 * classes];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(weights[r], 0, flat, r * classes, classes);
        }
        Proto graph = new Proto();
        nodes.forEach(n -> graph.bytes(1, n));
        graph.string(2, "tiny-review");
        graph.bytes(5, floatTensor("weights", new long[] {3, classes}, flat));
        graph.bytes(11, valueInfo("image", inputShape));
        graph.bytes(12, valueInfo("scores", new long[] {1, classes}));

        Proto opset = new Proto();
        opset.string(1, "");
        opset.varint(2, 13);
        Proto model = new Proto();
        model.varint(1, 8);
        model.bytes(7, graph.toBytes());
        model.bytes(8, opset.toBytes());
        return model.toBytes();
    }

    private static byte[] node(String opType, List<String> inputs, String output, byte[]... attributes) {
        Proto node = new Proto();
        inputs.forEach(i -> node.string(1, i));
        node.string(2, output);
        node.string(3, opType.toLowerCase() + "_" + output);
        node.string(4, opType);
        for (byte[] a : attributes) {
            node.bytes(5, a);
        }
        return node.toBytes();
    }

    private static byte[] attributeInts(String name, long[] values) {
        Proto a = new Proto();
        a.string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        a.varint(20, ATTRIBUTE_INTS);
        return a.toBytes();
    }

    private static byte[] attributeInt(String name, long value) {
        Proto a = new Proto();
        a.string(1, name);
        a.varint(3, value);
        a.varint(20, ATTRIBUTE_INT);
        return a.toBytes();
    }

    private static byte[] floatTensor(String name, long[] dims, float[] values) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT);
        t.string(8, name);
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        t.bytes(9, raw.array());
        return t.toBytes();
    }

    private static byte[] valueInfo(String name, long[] dims) {
        Proto shape = new Proto();
        for (long d : dims) {
            Proto dim = new Proto();
            dim.varint(1, d);
            shape.bytes(1, dim.toBytes());
        }
        Proto tensor = new Proto();
        tensor.varint(1, FLOAT);
        tensor.bytes(2, shape.toBytes());
        Proto type = new Proto();
        type.bytes(1, tensor.toBytes());
        Proto info = new Proto();
        info.string(1, name);
        info.bytes(2, type.toBytes());
        return info.toBytes();
    }

    /** A protobuf message being written: varint and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
        }

        void bytes(int field, byte[] value) {
            raw(((long) field << 3) | 2);
            raw(value.length);
            out.writeBytes(value);
        }

        void string(int field, String value) {
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        private void raw(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
