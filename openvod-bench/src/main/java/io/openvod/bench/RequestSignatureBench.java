package io.openvod.bench;

import io.openvod.signature.Credential;
import io.openvod.signature.RequestHeaders;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.Verdict;
import io.openvod.signature.cos.CosCredential;
import io.openvod.signature.cos.CosCredentialLookup;
import io.openvod.signature.cos.CosKeyTime;
import io.openvod.signature.cos.CosRequest;
import io.openvod.signature.cos.CosSignature;
import io.openvod.signature.cos.CosSigner;
import io.openvod.signature.cos.CosVerifier;
import io.openvod.signature.cos.VerifiedCosRequest;
import io.openvod.signature.tc3.Tc3Request;
import io.openvod.signature.tc3.Tc3Signature;
import io.openvod.signature.tc3.Tc3Signer;
import io.openvod.signature.tc3.Tc3Verifier;
import io.openvod.signature.tc3.VerifiedTc3Request;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request signatures: TC3-HMAC-SHA256 on every API 3.0 call ({@code PullEvents} body),
 * COS {@code q-sign} on every part upload (the Upload Part request of a multipart upload).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestSignatureBench {
    private static final long NOW = 1_700_000_000L;
    private static final Credential KEY = new Credential("AKIDEXAMPLEVODTESTVECTOR000000000000", "VodTestSecretKeyEXAMPLE0123456789");
    private static final String HOST = "vod.tencentcloudapi.com";
    private static final String KEY_PATH = "/1500000001/abcdvodgzp1500000001/5285890784418605123/x2eWFXPftMEA.mp4";

    private Tc3Signer tc3Signer;
    private Tc3Verifier tc3Verifier;
    private Tc3Request tc3Request;
    private byte[] body;

    private CosSigner cosSigner;
    private CosVerifier cosVerifier;
    private CosRequest cosRequest;
    private CosKeyTime keyTime;
    private Map<String, String> partParams;
    private Map<String, String> partHeaders;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW + 10), ZoneOffset.UTC);
        body = "{\"EventHandles\":[\"EventHandle1\",\"EventHandle2\"],\"SubAppId\":1500000001}".getBytes(StandardCharsets.UTF_8);
        tc3Signer = new Tc3Signer(KEY, "vod");
        Tc3Signature tc3 = tc3Signer.signJsonPost(NOW, HOST, body);
        tc3Verifier = Tc3Verifier.builder(SecretKeyLookup.of(KEY)).clock(clock).build();
        tc3Request = new Tc3Request("POST", "", RequestHeaders.of(Map.of(
                "Authorization", tc3.authorization(), "Content-Type", Tc3Signer.JSON_CONTENT_TYPE,
                "Host", HOST, "X-TC-Timestamp", Long.toString(NOW), "X-TC-Action", "ConfirmEvents")), body);
        requireAccepted(tc3Verifier.verify(tc3Request));

        cosSigner = new CosSigner(KEY);
        keyTime = new CosKeyTime(NOW, NOW + 3600);
        partParams = Map.of("partNumber", "1", "uploadId", "UPLOADID-NEW");
        partHeaders = Map.of("content-length", "8388608");
        CosSignature cos = cosSigner.sign(keyTime, "PUT", KEY_PATH, partParams, partHeaders);
        cosVerifier = CosVerifier.builder(CosCredentialLookup.of(CosCredential.temporary(KEY, "token-1"))).clock(clock).build();
        cosRequest = new CosRequest("PUT", KEY_PATH,
                Map.of("partNumber", List.of("1"), "uploadId", List.of("UPLOADID-NEW")),
                RequestHeaders.of(Map.of("Authorization", cos.authorization(), "Content-Length", "8388608",
                        "x-cos-security-token", "token-1")));
        requireAccepted(cosVerifier.verify(cosRequest));
    }

    private static void requireAccepted(Verdict<?> verdict) {
        if (!verdict.isAccepted()) {
            throw new IllegalStateException("benchmark request does not verify: " + verdict);
        }
    }

    @Benchmark
    public Tc3Signature tc3Sign() {
        return tc3Signer.signJsonPost(NOW, HOST, body);
    }

    @Benchmark
    public Verdict<VerifiedTc3Request> tc3Verify() {
        return tc3Verifier.verify(tc3Request);
    }

    @Benchmark
    public CosSignature cosSign() {
        return cosSigner.sign(keyTime, "PUT", KEY_PATH, partParams, partHeaders);
    }

    @Benchmark
    public Verdict<VerifiedCosRequest> cosVerify() {
        return cosVerifier.verify(cosRequest);
    }
}
