import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * An experiment, not product code: how fast can Java hash several independent streams (the parts
 * of an upload in flight) with MD5 side by side in SIMD lanes, against the JDK's MD5 one stream at
 * a time? Each lane is one stream; all lanes take one 64-byte block per step. Every lane's digest
 * is checked against MessageDigest before anything is timed.
 *
 *   java --add-modules jdk.incubator.vector openvod-bench/experiments/Md5Lanes.java [MIB_PER_LANE] [ROUNDS]
 */
public class Md5Lanes {
    private static final int[] K = new int[64];
    private static final int[] S = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14,
            20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
            6, 10, 15, 21};
    private static final int[] G = new int[64];

    static {
        for (int i = 0; i < 64; i++) {
            K[i] = (int) (long) Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296.0);
            G[i] = i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16;
        }
    }

    /** MD5 of lanes.length equally long byte arrays, one per lane of {@code species}. */
    static byte[][] digest(VectorSpecies<Integer> species, byte[][] lanes) {
        int n = species.length();
        int length = lanes[0].length;
        // Padding: 0x80, zeros, the length in bits, to a multiple of 64 bytes (the same for every lane).
        int padded = ((length + 8) / 64 + 1) * 64;
        int[] words = new int[16 * n];
        IntVector a = IntVector.broadcast(species, 0x67452301);
        IntVector b = IntVector.broadcast(species, 0xefcdab89);
        IntVector c = IntVector.broadcast(species, 0x98badcfe);
        IntVector d = IntVector.broadcast(species, 0x10325476);
        java.lang.invoke.VarHandle le = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        byte[] tail = new byte[128];
        for (int offset = 0; offset < padded; offset += 64) {
            for (int lane = 0; lane < n; lane++) {
                byte[] src = lanes[lane];
                int from = offset;
                if (offset + 64 > length) {
                    java.util.Arrays.fill(tail, (byte) 0);
                    int have = Math.max(0, length - offset);
                    System.arraycopy(src, offset, tail, 0, Math.min(have, 64));
                    if (offset <= length && length < offset + 64) {
                        tail[length - offset] = (byte) 0x80;
                    }
                    if (offset + 64 == padded) {
                        long bits = (long) length * 8;
                        for (int i = 0; i < 8; i++) {
                            tail[56 + i] = (byte) (bits >>> (8 * i));
                        }
                    }
                    src = tail;
                    from = 0;
                }
                for (int w = 0; w < 16; w++) {
                    words[w * n + lane] = (int) le.get(src, from + 4 * w);
                }
            }
            IntVector aa = a, bb = b, cc = c, dd = d, f;
            f = bb.and(cc).or(bb.not().and(dd)).add(aa).add(-680876936).add(IntVector.fromArray(species, words, 0 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 7));
            f = aa.and(bb).or(aa.not().and(cc)).add(dd).add(-389564586).add(IntVector.fromArray(species, words, 1 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 12));
            f = dd.and(aa).or(dd.not().and(bb)).add(cc).add(606105819).add(IntVector.fromArray(species, words, 2 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 17));
            f = cc.and(dd).or(cc.not().and(aa)).add(bb).add(-1044525330).add(IntVector.fromArray(species, words, 3 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 22));
            f = bb.and(cc).or(bb.not().and(dd)).add(aa).add(-176418897).add(IntVector.fromArray(species, words, 4 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 7));
            f = aa.and(bb).or(aa.not().and(cc)).add(dd).add(1200080426).add(IntVector.fromArray(species, words, 5 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 12));
            f = dd.and(aa).or(dd.not().and(bb)).add(cc).add(-1473231341).add(IntVector.fromArray(species, words, 6 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 17));
            f = cc.and(dd).or(cc.not().and(aa)).add(bb).add(-45705983).add(IntVector.fromArray(species, words, 7 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 22));
            f = bb.and(cc).or(bb.not().and(dd)).add(aa).add(1770035416).add(IntVector.fromArray(species, words, 8 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 7));
            f = aa.and(bb).or(aa.not().and(cc)).add(dd).add(-1958414417).add(IntVector.fromArray(species, words, 9 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 12));
            f = dd.and(aa).or(dd.not().and(bb)).add(cc).add(-42063).add(IntVector.fromArray(species, words, 10 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 17));
            f = cc.and(dd).or(cc.not().and(aa)).add(bb).add(-1990404162).add(IntVector.fromArray(species, words, 11 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 22));
            f = bb.and(cc).or(bb.not().and(dd)).add(aa).add(1804603682).add(IntVector.fromArray(species, words, 12 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 7));
            f = aa.and(bb).or(aa.not().and(cc)).add(dd).add(-40341101).add(IntVector.fromArray(species, words, 13 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 12));
            f = dd.and(aa).or(dd.not().and(bb)).add(cc).add(-1502002290).add(IntVector.fromArray(species, words, 14 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 17));
            f = cc.and(dd).or(cc.not().and(aa)).add(bb).add(1236535329).add(IntVector.fromArray(species, words, 15 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 22));
            f = dd.and(bb).or(dd.not().and(cc)).add(aa).add(-165796510).add(IntVector.fromArray(species, words, 1 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 5));
            f = cc.and(aa).or(cc.not().and(bb)).add(dd).add(-1069501632).add(IntVector.fromArray(species, words, 6 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 9));
            f = bb.and(dd).or(bb.not().and(aa)).add(cc).add(643717713).add(IntVector.fromArray(species, words, 11 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 14));
            f = aa.and(cc).or(aa.not().and(dd)).add(bb).add(-373897302).add(IntVector.fromArray(species, words, 0 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 20));
            f = dd.and(bb).or(dd.not().and(cc)).add(aa).add(-701558691).add(IntVector.fromArray(species, words, 5 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 5));
            f = cc.and(aa).or(cc.not().and(bb)).add(dd).add(38016083).add(IntVector.fromArray(species, words, 10 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 9));
            f = bb.and(dd).or(bb.not().and(aa)).add(cc).add(-660478335).add(IntVector.fromArray(species, words, 15 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 14));
            f = aa.and(cc).or(aa.not().and(dd)).add(bb).add(-405537848).add(IntVector.fromArray(species, words, 4 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 20));
            f = dd.and(bb).or(dd.not().and(cc)).add(aa).add(568446438).add(IntVector.fromArray(species, words, 9 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 5));
            f = cc.and(aa).or(cc.not().and(bb)).add(dd).add(-1019803690).add(IntVector.fromArray(species, words, 14 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 9));
            f = bb.and(dd).or(bb.not().and(aa)).add(cc).add(-187363961).add(IntVector.fromArray(species, words, 3 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 14));
            f = aa.and(cc).or(aa.not().and(dd)).add(bb).add(1163531501).add(IntVector.fromArray(species, words, 8 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 20));
            f = dd.and(bb).or(dd.not().and(cc)).add(aa).add(-1444681467).add(IntVector.fromArray(species, words, 13 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 5));
            f = cc.and(aa).or(cc.not().and(bb)).add(dd).add(-51403784).add(IntVector.fromArray(species, words, 2 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 9));
            f = bb.and(dd).or(bb.not().and(aa)).add(cc).add(1735328473).add(IntVector.fromArray(species, words, 7 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 14));
            f = aa.and(cc).or(aa.not().and(dd)).add(bb).add(-1926607734).add(IntVector.fromArray(species, words, 12 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 20));
            f = bb.lanewise(VectorOperators.XOR, cc).lanewise(VectorOperators.XOR, dd).add(aa).add(-378558).add(IntVector.fromArray(species, words, 5 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 4));
            f = aa.lanewise(VectorOperators.XOR, bb).lanewise(VectorOperators.XOR, cc).add(dd).add(-2022574463).add(IntVector.fromArray(species, words, 8 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 11));
            f = dd.lanewise(VectorOperators.XOR, aa).lanewise(VectorOperators.XOR, bb).add(cc).add(1839030562).add(IntVector.fromArray(species, words, 11 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 16));
            f = cc.lanewise(VectorOperators.XOR, dd).lanewise(VectorOperators.XOR, aa).add(bb).add(-35309556).add(IntVector.fromArray(species, words, 14 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 23));
            f = bb.lanewise(VectorOperators.XOR, cc).lanewise(VectorOperators.XOR, dd).add(aa).add(-1530992060).add(IntVector.fromArray(species, words, 1 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 4));
            f = aa.lanewise(VectorOperators.XOR, bb).lanewise(VectorOperators.XOR, cc).add(dd).add(1272893353).add(IntVector.fromArray(species, words, 4 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 11));
            f = dd.lanewise(VectorOperators.XOR, aa).lanewise(VectorOperators.XOR, bb).add(cc).add(-155497632).add(IntVector.fromArray(species, words, 7 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 16));
            f = cc.lanewise(VectorOperators.XOR, dd).lanewise(VectorOperators.XOR, aa).add(bb).add(-1094730640).add(IntVector.fromArray(species, words, 10 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 23));
            f = bb.lanewise(VectorOperators.XOR, cc).lanewise(VectorOperators.XOR, dd).add(aa).add(681279174).add(IntVector.fromArray(species, words, 13 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 4));
            f = aa.lanewise(VectorOperators.XOR, bb).lanewise(VectorOperators.XOR, cc).add(dd).add(-358537222).add(IntVector.fromArray(species, words, 0 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 11));
            f = dd.lanewise(VectorOperators.XOR, aa).lanewise(VectorOperators.XOR, bb).add(cc).add(-722521979).add(IntVector.fromArray(species, words, 3 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 16));
            f = cc.lanewise(VectorOperators.XOR, dd).lanewise(VectorOperators.XOR, aa).add(bb).add(76029189).add(IntVector.fromArray(species, words, 6 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 23));
            f = bb.lanewise(VectorOperators.XOR, cc).lanewise(VectorOperators.XOR, dd).add(aa).add(-640364487).add(IntVector.fromArray(species, words, 9 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 4));
            f = aa.lanewise(VectorOperators.XOR, bb).lanewise(VectorOperators.XOR, cc).add(dd).add(-421815835).add(IntVector.fromArray(species, words, 12 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 11));
            f = dd.lanewise(VectorOperators.XOR, aa).lanewise(VectorOperators.XOR, bb).add(cc).add(530742520).add(IntVector.fromArray(species, words, 15 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 16));
            f = cc.lanewise(VectorOperators.XOR, dd).lanewise(VectorOperators.XOR, aa).add(bb).add(-995338651).add(IntVector.fromArray(species, words, 2 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 23));
            f = cc.lanewise(VectorOperators.XOR, bb.or(dd.not())).add(aa).add(-198630844).add(IntVector.fromArray(species, words, 0 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 6));
            f = bb.lanewise(VectorOperators.XOR, aa.or(cc.not())).add(dd).add(1126891415).add(IntVector.fromArray(species, words, 7 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 10));
            f = aa.lanewise(VectorOperators.XOR, dd.or(bb.not())).add(cc).add(-1416354905).add(IntVector.fromArray(species, words, 14 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 15));
            f = dd.lanewise(VectorOperators.XOR, cc.or(aa.not())).add(bb).add(-57434055).add(IntVector.fromArray(species, words, 5 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 21));
            f = cc.lanewise(VectorOperators.XOR, bb.or(dd.not())).add(aa).add(1700485571).add(IntVector.fromArray(species, words, 12 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 6));
            f = bb.lanewise(VectorOperators.XOR, aa.or(cc.not())).add(dd).add(-1894986606).add(IntVector.fromArray(species, words, 3 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 10));
            f = aa.lanewise(VectorOperators.XOR, dd.or(bb.not())).add(cc).add(-1051523).add(IntVector.fromArray(species, words, 10 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 15));
            f = dd.lanewise(VectorOperators.XOR, cc.or(aa.not())).add(bb).add(-2054922799).add(IntVector.fromArray(species, words, 1 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 21));
            f = cc.lanewise(VectorOperators.XOR, bb.or(dd.not())).add(aa).add(1873313359).add(IntVector.fromArray(species, words, 8 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 6));
            f = bb.lanewise(VectorOperators.XOR, aa.or(cc.not())).add(dd).add(-30611744).add(IntVector.fromArray(species, words, 15 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 10));
            f = aa.lanewise(VectorOperators.XOR, dd.or(bb.not())).add(cc).add(-1560198380).add(IntVector.fromArray(species, words, 6 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 15));
            f = dd.lanewise(VectorOperators.XOR, cc.or(aa.not())).add(bb).add(1309151649).add(IntVector.fromArray(species, words, 13 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 21));
            f = cc.lanewise(VectorOperators.XOR, bb.or(dd.not())).add(aa).add(-145523070).add(IntVector.fromArray(species, words, 4 * n));
            aa = bb.add(f.lanewise(VectorOperators.ROL, 6));
            f = bb.lanewise(VectorOperators.XOR, aa.or(cc.not())).add(dd).add(-1120210379).add(IntVector.fromArray(species, words, 11 * n));
            dd = aa.add(f.lanewise(VectorOperators.ROL, 10));
            f = aa.lanewise(VectorOperators.XOR, dd.or(bb.not())).add(cc).add(718787259).add(IntVector.fromArray(species, words, 2 * n));
            cc = dd.add(f.lanewise(VectorOperators.ROL, 15));
            f = dd.lanewise(VectorOperators.XOR, cc.or(aa.not())).add(bb).add(-343485551).add(IntVector.fromArray(species, words, 9 * n));
            bb = cc.add(f.lanewise(VectorOperators.ROL, 21));
            a = a.add(aa);
            b = b.add(bb);
            c = c.add(cc);
            d = d.add(dd);
        }
        byte[][] out = new byte[n][16];
        int[][] state = {a.toArray(), b.toArray(), c.toArray(), d.toArray()};
        for (int lane = 0; lane < n; lane++) {
            for (int r = 0; r < 4; r++) {
                le.set(out[lane], 4 * r, state[r][lane]);
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (VectorSpecies<Integer> species : java.util.List.of(IntVector.SPECIES_256, IntVector.SPECIES_512)) {
            int n = species.length();
            byte[][] lanes = new byte[n][mib * 1024 * 1024];
            Random random = new Random(n);
            for (byte[] lane : lanes) {
                random.nextBytes(lane);
            }
            byte[][] small = new byte[n][];
            for (int lane = 0; lane < n; lane++) {
                small[lane] = java.util.Arrays.copyOf(lanes[lane], 1000 + 0 * lane);
            }
            for (byte[][] check : java.util.List.of(small, lanes)) {
                byte[][] got = digest(species, check);
                for (int lane = 0; lane < n; lane++) {
                    byte[] want = MessageDigest.getInstance("MD5").digest(check[lane]);
                    if (!java.util.Arrays.equals(want, got[lane])) {
                        throw new AssertionError("lane " + lane + ": " + HexFormat.of().formatHex(got[lane]) + " != "
                                + HexFormat.of().formatHex(want));
                    }
                }
            }
            double bytes = (double) n * lanes[0].length;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                digest(species, lanes);
                long t1 = System.nanoTime();
                for (byte[] lane : lanes) {
                    MessageDigest.getInstance("MD5").digest(lane);
                }
                long t2 = System.nanoTime();
                double gib = 1L << 30;
                System.out.printf("%d lanes: %.2f s/GiB side by side, %.2f s/GiB one stream at a time (JDK MD5), %.2fx%n", n,
                        (t1 - t0) / 1e9 * gib / bytes, (t2 - t1) / 1e9 * gib / bytes, (double) (t2 - t1) / (t1 - t0));
            }
        }
    }
}
