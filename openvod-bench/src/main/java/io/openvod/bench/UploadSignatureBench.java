package io.openvod.bench;

import io.openvod.signature.Credential;
import io.openvod.signature.DecodedSignature;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.TaskNotifyMode;
import io.openvod.signature.UploadSignatureDecoder;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.signature.UploadSigner;
import io.openvod.signature.Verdict;
import io.openvod.signature.VerifiedUploadSignature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * The client-upload signature on its hot paths: the signature service signs one per upload
 * request, the platform decodes and verifies one per UGC API call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UploadSignatureBench {
    private static final Credential KEY = new Credential("AKIDTESTSECRETID00000000000000000000", "TestSecretKey0000000000000000000");

    private SignatureParameters parameters;
    private String signature;
    private UploadSignatureVerifier verifier;
    private UploadSignatureDecoder decoder;

    @Setup
    public void setUp() {
        long now = 1_700_000_000L;
        parameters = SignatureParameters.builder()
                .secretId(KEY.secretId()).currentTimeStamp(now).expireTime(now + 600).random(3_141_592_653L)
                .procedure("ReviewAndTranscode").taskNotifyMode(TaskNotifyMode.Finish)
                .sourceContext("uid=42&req=7f3c9a1e-5d2b-4c8e-9f1a-2b3c4d5e6f70")
                .sessionContext("uid=42&req=7f3c9a1e-5d2b-4c8e-9f1a-2b3c4d5e6f70")
                .oneTimeValid(false).vodSubAppId(1_500_000_001L)
                .build();
        signature = UploadSigner.sign(parameters, KEY.secretKey());
        verifier = UploadSignatureVerifier.builder(SecretKeyLookup.of(KEY))
                .clock(Clock.fixed(Instant.ofEpochSecond(now + 60), ZoneOffset.UTC))
                .build();
        decoder = new UploadSignatureDecoder();
        if (!verifier.verify(signature).isAccepted()) {
            throw new IllegalStateException("benchmark signature does not verify");
        }
    }

    /** Build the original and sign it: what the signature distribution service does per request. */
    @Benchmark
    public String sign() {
        return UploadSigner.sign(parameters, KEY.secretKey());
    }

    /** Decode only: Base64, split, UTF-8, query parse. */
    @Benchmark
    public Verdict<DecodedSignature> decode() {
        return decoder.decode(signature);
    }

    /** Full verification: decode, HMAC-SHA1, field validation, time checks. */
    @Benchmark
    public Verdict<VerifiedUploadSignature> verify() {
        return verifier.verify(signature);
    }
}
