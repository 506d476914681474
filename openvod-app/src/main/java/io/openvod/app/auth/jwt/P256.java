package io.openvod.app.auth.jwt;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;

/** The NIST P-256 curve (secp256r1) as the JDK describes it, and point validation on it. */
final class P256 {
    /** The length of a coordinate, and of R and S, in bytes. */
    static final int FIELD_BYTES = 32;
    static final ECParameterSpec PARAMS = load();
    private static final BigInteger P = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
    private static final BigInteger A = PARAMS.getCurve().getA();
    private static final BigInteger B = PARAMS.getCurve().getB();

    private P256() {
    }

    private static ECParameterSpec load() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no secp256r1 curve", e);
        }
    }

    /** Whether the affine point has coordinates in [0, p) and satisfies y² = x³ + ax + b (mod p). */
    static boolean isOnCurve(ECPoint point) {
        if (point == null || point.equals(ECPoint.POINT_INFINITY)) {
            return false;
        }
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(P) >= 0 || y.signum() < 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(P);
        BigInteger right = x.pow(3).add(A.multiply(x)).add(B).mod(P);
        return left.equals(right);
    }

    /** Whether the key lies on P-256: same curve, generator and order, and a valid point. */
    static boolean isP256Key(ECPublicKey key) {
        ECParameterSpec params = key.getParams();
        return params != null
                && params.getCurve().equals(PARAMS.getCurve())
                && params.getGenerator().equals(PARAMS.getGenerator())
                && params.getOrder().equals(PARAMS.getOrder())
                && isOnCurve(key.getW());
    }

    /** Whether a raw R||S signature has both halves in [1, n-1]. */
    static boolean isValidSignatureRange(byte[] rs) {
        if (rs.length != 2 * FIELD_BYTES) {
            return false;
        }
        BigInteger n = PARAMS.getOrder();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, FIELD_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, FIELD_BYTES, rs.length));
        return r.signum() > 0 && r.compareTo(n) < 0 && s.signum() > 0 && s.compareTo(n) < 0;
    }
}
