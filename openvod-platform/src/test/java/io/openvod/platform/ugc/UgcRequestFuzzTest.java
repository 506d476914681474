package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.config.UploadConfig;
import io.openvod.signature.InMemoryReplayStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * Any body of a UGC call is either answered or refused with a {@link UgcException}: the body is
 * read by {@link UgcBody#parse}, then given to PrepareUploadUGC, ApplyUploadUGC and
 * CommitUploadUGC (on in-memory ports). Anything else (a NullPointerException, a
 * DateTimeException…) would become a 10500 internal error. Seeds (…/UgcRequestFuzzTestInputs/call)
 * carry valid signatures for the fixed clock, so the fuzzer gets past the signature check.
 */
class UgcRequestFuzzTest {
    /** The seeds' signatures are valid from this second for a day. */
    static final long T0 = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(T0 + 60), ZoneOffset.UTC);
    private static final UploadConfig LIMITS = new UploadConfig(Duration.ofHours(1), Duration.ofHours(24),
            50L << 30, 5L << 30, Duration.ofMinutes(10), Duration.ofMinutes(15));

    private final UgcFakes.Sessions sessions = new UgcFakes.Sessions();
    private final SignatureCheck signatures = new SignatureCheck(new UgcFakes.OneKey(), new InMemoryReplayStore(CLOCK), CLOCK,
            Duration.ofMinutes(5), Duration.ofDays(90), 32 * 1024);
    private final UgcService ugc = new UgcService(signatures, sessions, new UgcFakes.EmptyCatalog(), LIMITS, "ap-guangzhou",
            "vod2.example.test", CLOCK, Tracing.local("openvod-platform"));
    private final UploadCommitter committer = new UploadCommitter(signatures, ugc, new UgcFakes.EmptyStore(),
            new UgcFakes.EmptyCatalog(), key -> {
                throw new AssertionError("nothing is inspected: the store is empty");
            }, new StorageLayout("http://127.0.0.1/media"), CLOCK);

    @FuzzTest(maxDuration = "5s")
    void call(byte[] input) {
        ObjectNode body;
        try {
            body = UgcBody.parse(input);
        } catch (UgcException refused) {
            assertThat(refused.error()).isEqualTo(UgcError.INVALID_REQUEST);
            return;
        }
        answerOrRefuse(body, ugc::prepare);
        ObjectNode applied = answerOrRefuse(body, ugc::apply);
        if (applied != null) {
            assertThat(applied.path("vodSessionKey").asText()).isNotEmpty();
        }
        answerOrRefuse(body, committer::commit);
    }

    /** The answer, or null when the call was refused with a UgcException. */
    private static ObjectNode answerOrRefuse(ObjectNode body, UnaryOperator<ObjectNode> call) {
        try {
            return call.apply(body.deepCopy());
        } catch (UgcException refused) {
            assertThat(refused.getMessage()).isNotEmpty();
            return null;
        }
    }
}
