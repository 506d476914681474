package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.SignatureLedger;
import io.openvod.app.ledger.Usage;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link SignatureLedger} must do (see also {@link SignatureLedgerConcurrencyContract}); implemented once per database. */
public interface SignatureLedgerContract {
    Instant DAY = Instant.parse("2026-05-01T00:00:00Z");
    Instant NOON = DAY.plus(Duration.ofHours(12)).plusMillis(345);
    /** The trace of the request id {@code 019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b}. */
    String TRACE_ID = "019a2b3c4d5e7f608a9b0c1d2e3f4a5b";

    /** A ledger over an empty database. */
    SignatureLedger ledger();

    /** Every value the database holds, as text. */
    List<String> storedText();

    @Test
    default void recordedSignaturesReadBackWhole() {
        IssuedSignature full = new IssuedSignature("req-1", "alice", "AKIDpublic", NOON, NOON.plus(Duration.ofHours(1)),
                4_294_967_295L, Optional.of("SimpleAesEncryptPreset"), Optional.of(7L), true, "u=alice;r=req-1",
                Optional.of("ctx"), Optional.of("movie.mp4"), Optional.of(123_456_789L), "2001:db8::1", Optional.of(TRACE_ID));
        IssuedSignature bare = new IssuedSignature("req-2", "alice", "AKIDpublic", NOON.plusSeconds(1),
                NOON.plusSeconds(3601), 0, Optional.empty(), Optional.empty(), false, "u=alice;r=req-2",
                Optional.empty(), Optional.empty(), Optional.empty(), "192.0.2.7", Optional.empty());

        assertThat(ledger().recordWithinQuota(full, Quota.UNLIMITED, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(1, 123_456_789L)));
        assertThat(ledger().recordWithinQuota(bare, Quota.UNLIMITED, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(2, 123_456_789L)));

        assertThat(ledger().recent("alice", 10)).containsExactly(bare, full);
    }

    @Test
    default void theTraceASignatureBeganIsKeptWithItsRow() {
        IssuedSignature plain = signature("019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b", "dave", NOON, null);
        IssuedSignature traced = new IssuedSignature(plain.requestId(), plain.userId(), plain.secretId(), plain.issuedAt(),
                plain.expiresAt(), plain.random(), plain.procedure(), plain.classId(), plain.oneTimeValid(), plain.sourceContext(),
                plain.sessionContext(), plain.fileName(), plain.fileSize(), plain.clientIp(), Optional.of(TRACE_ID));
        record(traced, Quota.UNLIMITED, DAY);
        record(signature("untraced", "dave", NOON.plusSeconds(1), null), Quota.UNLIMITED, DAY);

        assertThat(ledger().recent("dave", 10)).extracting(IssuedSignature::requestId, IssuedSignature::traceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("untraced", Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple(traced.requestId(), Optional.of(TRACE_ID)));
        assertThat(storedText()).contains(TRACE_ID);
        assertThat(ledger().ofTrace(TRACE_ID)).map(IssuedSignature::requestId).contains(traced.requestId());
        assertThat(ledger().ofTrace("0".repeat(31) + "1")).isEmpty();
    }

    @Test
    default void usageCountsOnlyTheUsersRowsInTheWindow() {
        record(signature("old", "alice", DAY.minusMillis(1), 1_000L), Quota.UNLIMITED, DAY.minus(Duration.ofDays(1)));
        record(signature("edge", "alice", DAY, 10L), Quota.UNLIMITED, DAY);
        record(signature("noon", "alice", NOON, null), Quota.UNLIMITED, DAY);
        record(signature("other", "bob", NOON, 5L), Quota.UNLIMITED, DAY);

        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(2, 10));
        assertThat(ledger().usageSince("alice", DAY.minus(Duration.ofDays(1)))).isEqualTo(new Usage(3, 1_010));
        assertThat(ledger().usageSince("alice", NOON.plusMillis(1))).isEqualTo(new Usage(0, 0));
        assertThat(ledger().usageSince("bob", DAY)).isEqualTo(new Usage(1, 5));
        assertThat(ledger().usageSince("carol", DAY)).isEqualTo(new Usage(0, 0));
    }

    @Test
    default void rowsBeforeTheWindowDoNotCountAgainstTheQuota() {
        Quota two = new Quota(2, 100);
        record(signature("y1", "alice", DAY.minusSeconds(10), 100L), two, DAY.minus(Duration.ofDays(1)));
        record(signature("y2", "alice", DAY.minusSeconds(5), null), two, DAY.minus(Duration.ofDays(1)));

        assertThat(ledger().recordWithinQuota(signature("t1", "alice", NOON, 100L), two, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(1, 100)));
    }

    @Test
    default void theUploadsLimitIsExact() {
        Quota three = new Quota(3, Long.MAX_VALUE);
        for (int i = 1; i <= 3; i++) {
            assertThat(ledger().recordWithinQuota(signature("r" + i, "alice", NOON, 10L), three, DAY))
                    .isEqualTo(new Reservation.Recorded(new Usage(i, 10L * i)));
        }

        assertThat(ledger().recordWithinQuota(signature("r4", "alice", NOON, 10L), three, DAY))
                .isEqualTo(new Reservation.UploadsExceeded(new Usage(3, 30), 3));
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(3, 30));
        assertThat(ledger().recent("alice", 10)).extracting(IssuedSignature::requestId).doesNotContain("r4");
        assertThat(ledger().recordWithinQuota(signature("bob1", "bob", NOON, 10L), three, DAY))
                .isInstanceOf(Reservation.Recorded.class);
    }

    @Test
    default void aZeroQuotaAllowsNothing() {
        assertThat(ledger().recordWithinQuota(signature("r1", "alice", NOON, null), new Quota(0, 0), DAY))
                .isEqualTo(new Reservation.UploadsExceeded(new Usage(0, 0), 0));
        assertThat(ledger().recordWithinQuota(signature("r2", "alice", NOON, 1L), new Quota(5, 0), DAY))
                .isEqualTo(new Reservation.BytesExceeded(new Usage(0, 0), 0));
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(0, 0));
    }

    @Test
    default void theBytesLimitIsExact() {
        Quota hundred = new Quota(Long.MAX_VALUE, 100);
        assertThat(ledger().recordWithinQuota(signature("a", "alice", NOON, 60L), hundred, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(1, 60)));
        assertThat(ledger().recordWithinQuota(signature("b", "alice", NOON, 41L), hundred, DAY))
                .isEqualTo(new Reservation.BytesExceeded(new Usage(1, 60), 100));
        assertThat(ledger().recordWithinQuota(signature("c", "alice", NOON, 40L), hundred, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(2, 100)));
        assertThat(ledger().recordWithinQuota(signature("d", "alice", NOON, 1L), hundred, DAY))
                .isEqualTo(new Reservation.BytesExceeded(new Usage(2, 100), 100));
        assertThat(ledger().recordWithinQuota(signature("e", "alice", NOON, 0L), hundred, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(3, 100)));
        assertThat(ledger().recordWithinQuota(signature("f", "alice", NOON, null), hundred, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(4, 100)));
    }

    @Test
    default void unlimitedQuotasDoNotOverflow() {
        long almostAll = Long.MAX_VALUE - 1;
        assertThat(ledger().recordWithinQuota(signature("a", "alice", NOON, almostAll), Quota.UNLIMITED, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(1, almostAll)));
        assertThat(ledger().recordWithinQuota(signature("b", "alice", NOON, 1L), Quota.UNLIMITED, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(2, Long.MAX_VALUE)));
        assertThat(ledger().recordWithinQuota(signature("c", "alice", NOON, 1L), Quota.UNLIMITED, DAY))
                .isEqualTo(new Reservation.BytesExceeded(new Usage(2, Long.MAX_VALUE), Long.MAX_VALUE));
        assertThat(ledger().recordWithinQuota(signature("d", "alice", NOON, Long.MAX_VALUE), Quota.UNLIMITED, DAY))
                .isInstanceOf(Reservation.BytesExceeded.class);
        assertThat(ledger().recordWithinQuota(signature("e", "alice", NOON, null), Quota.UNLIMITED, DAY))
                .isEqualTo(new Reservation.Recorded(new Usage(3, Long.MAX_VALUE)));
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(3, Long.MAX_VALUE));
    }

    @Test
    default void negativeSizesAndDuplicateRequestIdsAreRefused() {
        assertThatThrownBy(() -> ledger().recordWithinQuota(signature("neg", "alice", NOON, -1L), Quota.UNLIMITED, DAY))
                .isInstanceOf(IllegalArgumentException.class);
        record(signature("dup", "alice", NOON, 5L), Quota.UNLIMITED, DAY);

        assertThatThrownBy(() -> ledger().recordWithinQuota(signature("dup", "alice", NOON, 7L), Quota.UNLIMITED, DAY))
                .isInstanceOf(RuntimeException.class);
        assertThat(ledger().usageSince("alice", DAY)).isEqualTo(new Usage(1, 5));
    }

    @Test
    default void recentIsNewestFirstAndLimited() {
        for (int i = 0; i < 5; i++) {
            record(signature("r" + i, "alice", NOON.plusSeconds(i), null), Quota.UNLIMITED, DAY);
        }
        record(signature("b0", "bob", NOON.plusSeconds(10), null), Quota.UNLIMITED, DAY);

        assertThat(ledger().recent("alice", 3)).extracting(IssuedSignature::requestId).containsExactly("r4", "r3", "r2");
        assertThat(ledger().recent("alice", 100)).hasSize(5);
        assertThat(ledger().recent("alice", 0)).isEmpty();
        assertThat(ledger().recent("carol", 10)).isEmpty();
    }

    @Test
    default void neitherTheSecretKeyNorTheSignatureIsStored() {
        String secretKey = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";
        SignatureParameters parameters = SignatureParameters.builder()
                .secretId("AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA")
                .validity(NOON, Duration.ofHours(2))
                .random(2_718_281_828L)
                .procedure("transcode-hd")
                .classId(12L)
                .oneTimeValid(true)
                .sourceContext("u=alice;r=req-secret")
                .sessionContext("session-42")
                .build();
        String signature = UploadSigner.sign(parameters, secretKey);
        IssuedSignature issued = new IssuedSignature("req-secret", "alice", parameters.secretId(), parameters.issuedAt(),
                parameters.expiresAt(), parameters.random(), parameters.procedure(), parameters.classId(),
                parameters.oneTimeValid(), parameters.sourceContext().orElseThrow(), parameters.sessionContext(),
                Optional.of("clip.mov"), Optional.of(42L), "198.51.100.23", Optional.empty());
        record(issued, Quota.UNLIMITED, DAY);

        List<String> text = storedText();
        assertThat(text).contains("AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA", "u=alice;r=req-secret", "clip.mov");
        assertThat(text).noneMatch(v -> v.contains(secretKey));
        assertThat(text).noneMatch(v -> v.contains(signature) || v.contains(signature.substring(0, 28)));
    }

    private void record(IssuedSignature signature, Quota quota, Instant windowStart) {
        assertThat(ledger().recordWithinQuota(signature, quota, windowStart)).isInstanceOf(Reservation.Recorded.class);
    }

    /** A signature of {@code userId} issued at {@code at}, declaring {@code fileSize} (null for none). */
    static IssuedSignature signature(String requestId, String userId, Instant at, Long fileSize) {
        return new IssuedSignature(requestId, userId, "AKIDpublic", at, at.plus(Duration.ofHours(1)), 1, Optional.empty(),
                Optional.empty(), false, "u=" + userId + ";r=" + requestId, Optional.empty(), Optional.empty(),
                Optional.ofNullable(fileSize), "192.0.2.1", Optional.empty());
    }
}
