import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * An experiment, not product code: how fast can Java hash several independent streams (the parts
 * of an upload in flight) with MD5 side by side in SIMD lanes, against the JDK's MD5 one stream at
 * a time? Each lane is one stream; every step hashes one 64-byte block of each stream in use. The
 * lanes' words are copied into a transposed block (word j of lane l at j * LANES + l) so that one
 * vector load takes word j of every lane. Every lane's digest is checked against MessageDigest,
 * for lengths that are and are not a multiple of 64, before anything is timed.
 *
 *   java --add-modules jdk.incubator.vector openvod-bench/experiments/Md5Lanes.java [STREAMS] [MIB_PER_STREAM] [ROUNDS]
 *
 * STREAMS (default: every lane of the CPU's preferred vector size) may be fewer than the lanes: the
 * other lanes then hash zeros, as a hasher fed by fewer parts in flight would. Two rules the Vector
 * API needs to be fast: the species is a constant (a species passed as a value keeps the JIT from
 * turning the operations into vector instructions), and the 64 steps stay in loops (written out,
 * the method is too big for the JIT to inline the operations into).
 */
public class Md5Lanes {
    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ValueLayout.OfInt WORD = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int[] K = new int[64];
    private static final int[] WORD_OF_STEP = new int[64];
    private static final int[] SHIFT = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

    static {
        for (int i = 0; i < 64; i++) {
            K[i] = (int) (long) Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296.0);
            WORD_OF_STEP[i] = (i < 16 ? i : i < 32 ? 5 * i + 1 : i < 48 ? 3 * i + 5 : 7 * i) % 16 * LANES;
        }
    }

    /** One 64-byte block of every lane: state is a, b, c, d of every lane; words is transposed. */
    static void compress(int[] state, int[] words) {
        IntVector a0 = IntVector.fromArray(SPECIES, state, 0);
        IntVector b0 = IntVector.fromArray(SPECIES, state, LANES);
        IntVector c0 = IntVector.fromArray(SPECIES, state, 2 * LANES);
        IntVector d0 = IntVector.fromArray(SPECIES, state, 3 * LANES);
        IntVector a = a0, b = b0, c = c0, d = d0;
        for (int i = 0; i < 16; i++) {
            IntVector f = b.and(c).or(b.not().and(d)).add(a).add(K[i]).add(IntVector.fromArray(SPECIES, words, WORD_OF_STEP[i]));
            a = d;
            d = c;
            c = b;
            b = b.add(f.lanewise(VectorOperators.ROL, SHIFT[i & 3]));
        }
        for (int i = 16; i < 32; i++) {
            IntVector f = d.and(b).or(d.not().and(c)).add(a).add(K[i]).add(IntVector.fromArray(SPECIES, words, WORD_OF_STEP[i]));
            a = d;
            d = c;
            c = b;
            b = b.add(f.lanewise(VectorOperators.ROL, SHIFT[4 + (i & 3)]));
        }
        for (int i = 32; i < 48; i++) {
            IntVector f = b.lanewise(VectorOperators.XOR, c).lanewise(VectorOperators.XOR, d).add(a).add(K[i])
                    .add(IntVector.fromArray(SPECIES, words, WORD_OF_STEP[i]));
            a = d;
            d = c;
            c = b;
            b = b.add(f.lanewise(VectorOperators.ROL, SHIFT[8 + (i & 3)]));
        }
        for (int i = 48; i < 64; i++) {
            IntVector f = c.lanewise(VectorOperators.XOR, b.or(d.not())).add(a).add(K[i])
                    .add(IntVector.fromArray(SPECIES, words, WORD_OF_STEP[i]));
            a = d;
            d = c;
            c = b;
            b = b.add(f.lanewise(VectorOperators.ROL, SHIFT[12 + (i & 3)]));
        }
        a0.add(a).intoArray(state, 0);
        b0.add(b).intoArray(state, LANES);
        c0.add(c).intoArray(state, 2 * LANES);
        d0.add(d).intoArray(state, 3 * LANES);
    }

    /** MD5 of equally long streams, one per lane (at most LANES). */
    static byte[][] digest(MemorySegment[] streams) {
        int used = streams.length;
        long length = streams[0].byteSize();
        int[] state = new int[4 * LANES];
        Arrays.fill(state, 0, LANES, 0x67452301);
        Arrays.fill(state, LANES, 2 * LANES, 0xefcdab89);
        Arrays.fill(state, 2 * LANES, 3 * LANES, 0x98badcfe);
        Arrays.fill(state, 3 * LANES, 4 * LANES, 0x10325476);
        int[] words = new int[16 * LANES];
        long whole = length & ~63L;
        for (long offset = 0; offset < whole; offset += 64) {
            for (int lane = 0; lane < used; lane++) {
                MemorySegment stream = streams[lane];
                for (int j = 0; j < 16; j++) {
                    words[j * LANES + lane] = stream.get(WORD, offset + 4 * j);
                }
            }
            compress(state, words);
        }
        // The tail, 0x80, zeros and the length in bits: one or two more blocks, the same for every lane.
        int tail = (int) (length - whole);
        byte[][] last = new byte[used][tail < 56 ? 64 : 128];
        for (int lane = 0; lane < used; lane++) {
            MemorySegment.copy(streams[lane], whole, MemorySegment.ofArray(last[lane]), 0, tail);
            last[lane][tail] = (byte) 0x80;
            MemorySegment.ofArray(last[lane]).set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN),
                    last[lane].length - 8, length * 8);
        }
        for (int block = 0; block < last[0].length; block += 64) {
            Arrays.fill(words, 0);
            for (int lane = 0; lane < used; lane++) {
                MemorySegment bytes = MemorySegment.ofArray(last[lane]);
                for (int j = 0; j < 16; j++) {
                    words[j * LANES + lane] = bytes.get(WORD, block + 4 * j);
                }
            }
            compress(state, words);
        }
        byte[][] out = new byte[used][16];
        for (int lane = 0; lane < used; lane++) {
            MemorySegment digest = MemorySegment.ofArray(out[lane]);
            for (int r = 0; r < 4; r++) {
                digest.set(WORD, 4 * r, state[r * LANES + lane]);
            }
        }
        return out;
    }

    static void check(byte[][] data) throws Exception {
        MemorySegment[] streams = new MemorySegment[data.length];
        for (int lane = 0; lane < data.length; lane++) {
            streams[lane] = MemorySegment.ofArray(data[lane]);
        }
        byte[][] got = digest(streams);
        for (int lane = 0; lane < data.length; lane++) {
            byte[] want = MessageDigest.getInstance("MD5").digest(data[lane]);
            if (!Arrays.equals(want, got[lane])) {
                throw new AssertionError("lane " + lane + " of " + data[lane].length + " bytes: "
                        + HexFormat.of().formatHex(got[lane]) + " != " + HexFormat.of().formatHex(want));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : LANES;
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        if (streams < 1 || streams > LANES) {
            throw new IllegalArgumentException("STREAMS: 1 to " + LANES + " on this CPU (" + SPECIES + ")");
        }
        Random random = new Random(streams);
        for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 65_536 + 17}) {
            byte[][] data = new byte[streams][length];
            for (byte[] d : data) {
                random.nextBytes(d);
            }
            check(data);
        }
        byte[][] data = new byte[streams][mib << 20];
        MemorySegment[] segments = new MemorySegment[streams];
        for (int lane = 0; lane < streams; lane++) {
            random.nextBytes(data[lane]);
            segments[lane] = MemorySegment.ofArray(data[lane]);
        }
        check(data);
        System.out.printf("%s: %d lanes, %d streams of %d MiB; digests checked against MessageDigest%n", SPECIES, LANES, streams, mib);
        double gib = (double) streams * (mib << 20) / (1L << 30);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            digest(segments);
            long t1 = System.nanoTime();
            for (byte[] d : data) {
                MessageDigest.getInstance("MD5").digest(d);
            }
            long t2 = System.nanoTime();
            System.out.printf("side by side %.3f s/GiB, one stream at a time (JDK MD5) %.3f s/GiB, %.2fx%n",
                    (t1 - t0) / 1e9 / gib, (t2 - t1) / 1e9 / gib, (double) (t2 - t1) / (t1 - t0));
        }
    }
}
