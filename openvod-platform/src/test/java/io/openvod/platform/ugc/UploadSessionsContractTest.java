package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.config.UploadConfig;
import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestSessions;
import io.openvod.signature.InMemoryReplayStore;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link UploadSessions} contract, on SQLite and PostgreSQL: sessions, their credentials, expiry. */
class UploadSessionsContractTest {
    private static final long APP = 501;
    private static final Duration VALIDITY = Duration.ofHours(1);

    @TempDir
    Path dir;
    NodeDatabases databases;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    UploadSessions open(TestDatabase engine) {
        databases = NodeDatabases.open(engine, dir);
        return new SqlUploadSessions(databases.node().jdbi());
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void countOpenCountsTheSessionsNotCommitted(TestDatabase engine) {
        UploadSessions sessions = open(engine);
        assertThat(sessions.countOpen()).isZero();
        sessions.create(TestSessions.media("h-open-1", "6101", APP, now, VALIDITY), TestSessions.credential("h-open-1", now.plus(VALIDITY)));
        sessions.create(TestSessions.media("h-open-2", "6102", APP, now, VALIDITY), TestSessions.credential("h-open-2", now.plus(VALIDITY)));
        assertThat(new SqlUploadSessions(databases.anotherNode().jdbi()).countOpen()).isEqualTo(2);
        sessions.delete("h-open-1");
        assertThat(sessions.countOpen()).isOne();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSessionIsStoredWithItsCredentialAndReadBackWhole(TestDatabase engine) {
        UploadSessions sessions = open(engine);
        UploadSession media = TestSessions.media("h-media", "6001", APP, now, VALIDITY);
        UploadSession cover = TestSessions.cover("h-cover", "6001", APP, now, VALIDITY);
        TempCredential credential = TestSessions.credential("h-media", now.plus(VALIDITY));
        sessions.create(media, credential);
        sessions.create(cover, TestSessions.credential("h-cover", now.plus(VALIDITY)));
        assertThat(sessions.find("h-media")).hasValue(media);
        assertThat(sessions.find("h-cover")).hasValue(cover);
        assertThat(sessions.find("h-none")).isEmpty();
        UploadSessions.ScopedCredential scoped = sessions.credential(credential.secretId(), now).orElseThrow();
        assertThat(scoped.credential()).isEqualTo(credential);
        assertThat(scoped.session()).isEqualTo(media);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSessionKeepsTheTraceItWasOpenedInWhicheverNodeReadsIt(TestDatabase engine) {
        UploadSessions sessions = open(engine);
        UploadSessions other = new SqlUploadSessions(databases.anotherNode().jdbi());
        String trace = TraceParent.newTrace().traceId();
        UploadSession traced = TestSessions.media("h-traced", "6201", APP, now, Duration.ofMinutes(1)).withTrace(trace);
        TempCredential credential = TestSessions.credential("h-traced", now.plus(VALIDITY));
        sessions.create(traced, credential);
        sessions.create(TestSessions.media("h-plain", "6202", APP, now, VALIDITY), TestSessions.credential("h-plain", now.plus(VALIDITY)));

        assertThat(other.find("h-traced")).hasValue(traced);
        assertThat(other.find("h-traced").orElseThrow().traceId()).hasValue(trace);
        assertThat(other.credential(credential.secretId(), now).orElseThrow().session().traceId()).hasValue(trace);
        assertThat(other.expired(now.plus(Duration.ofMinutes(2)), 10)).singleElement()
                .extracting(UploadSession::traceId).isEqualTo(Optional.of(trace));
        assertThat(other.find("h-plain").orElseThrow().traceId()).as("a session opened without a trace").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCredentialWorksUntilItOrItsSessionExpires(TestDatabase engine) {
        UploadSessions sessions = open(engine);
        TempCredential shortLived = TestSessions.credential("h-1", now.plus(Duration.ofMinutes(10)));
        sessions.create(TestSessions.media("h-1", "6002", APP, now, VALIDITY), shortLived);
        TempCredential refreshed = TestSessions.credential("h-1", now.plus(Duration.ofHours(2)));
        sessions.addCredential(refreshed);
        Instant later = now.plus(Duration.ofMinutes(30));
        assertThat(sessions.credential(shortLived.secretId(), later)).isEmpty();
        assertThat(sessions.credential(refreshed.secretId(), later)).isPresent();
        assertThat(sessions.credential(refreshed.secretId(), now.plus(VALIDITY).plusMillis(1)))
                .as("the session's own end counts too").isEmpty();
        assertThat(sessions.credential("AKIDTMPUNKNOWN", now)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void expiredSessionsAreListedOldestFirstAndDeletedWithTheirCredentials(TestDatabase engine) {
        UploadSessions sessions = open(engine);
        for (int i = 1; i <= 3; i++) {
            sessions.create(TestSessions.media("h-" + i, "600" + (2 + i), APP, now, Duration.ofMinutes(i)),
                    TestSessions.credential("h-" + i, now.plus(VALIDITY)));
        }
        TempCredential open = TestSessions.credential("h-open", now.plus(VALIDITY));
        sessions.create(TestSessions.media("h-open", "6009", APP, now, VALIDITY), open);
        Instant later = now.plus(Duration.ofMinutes(5));
        assertThat(sessions.expired(later, 10)).extracting(UploadSession::sessionHash).containsExactly("h-1", "h-2", "h-3");
        assertThat(sessions.expired(later, 2)).extracting(UploadSession::sessionHash).containsExactly("h-1", "h-2");
        sessions.delete("h-1");
        assertThat(sessions.find("h-1")).isEmpty();
        assertThat(sessions.expired(later, 10)).extracting(UploadSession::sessionHash).containsExactly("h-2", "h-3");
        sessions.delete("h-open");
        assertThat(sessions.credential(open.secretId(), now)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUploadBegunThroughOneNodeResumesThroughAnother(TestDatabase engine) {
        UploadSessions sessions = open(engine);
        UploadSessions other = new SqlUploadSessions(databases.anotherNode().jdbi());
        UploadSession session = TestSessions.media("h-resume", "6010", APP, now, VALIDITY);
        sessions.create(session, TestSessions.credential("h-resume", now.plus(VALIDITY)));
        assertThat(other.find("h-resume")).hasValue(session);
        TempCredential fresh = TestSessions.credential("h-resume", now.plus(VALIDITY));
        other.addCredential(fresh);
        assertThat(sessions.credential(fresh.secretId(), now).map(UploadSessions.ScopedCredential::session)).hasValue(session);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileIdIsReservedOnceWhicheverNodeAsks(TestDatabase engine) throws Exception {
        UploadSessions sessions = open(engine);
        UploadSessions other = new SqlUploadSessions(databases.anotherNode().jdbi());
        List<Callable<Boolean>> reservations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UploadSessions node = i % 2 == 0 ? sessions : other;
            reservations.add(() -> node.reserveFileId("5000000000000000001", now));
        }
        assertThat(NodeDatabases.race(reservations)).containsOnlyOnce(true);
        assertThat(sessions.reserveFileId("5000000000000000001", now.plusSeconds(3600))).isFalse();
        assertThat(other.reserveFileId("5000000000000000002", now)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoNodesOpeningUploadsInTheSameMillisecondHandOutDistinctFileIds(TestDatabase engine) throws Exception {
        UploadSessions sessions = open(engine);
        List<UgcService> nodes = List.of(node(sessions), node(new SqlUploadSessions(databases.anotherNode().jdbi())));
        List<Callable<List<String>>> openers = new ArrayList<>();
        for (UgcService node : nodes) {
            openers.add(() -> {
                List<String> fileIds = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    UploadGrant grant = new UploadGrant(APP, APP, "AKIDnode", 0, Optional.empty(), 0, Optional.empty(), "", "");
                    fileIds.add(node.open(grant, "clip", "mp4", Optional.empty(), Optional.empty()).session().fileId());
                }
                return fileIds;
            });
        }
        List<String> all = NodeDatabases.race(openers).stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
    }

    /** A node's UGC service on {@code sessions}, its clock stopped at {@code now} as if every upload came in one millisecond. */
    private UgcService node(UploadSessions sessions) {
        Clock stopped = Clock.fixed(now, ZoneOffset.UTC);
        SignatureCheck unused = new SignatureCheck(new UgcFakes.OneKey(), new InMemoryReplayStore(stopped), stopped,
                Duration.ofMinutes(5), Duration.ofDays(90), 32 * 1024);
        return new UgcService(unused, sessions, new UgcFakes.EmptyCatalog(), new UploadConfig(Duration.ofHours(1), VALIDITY,
                50L << 30, 5L << 30, Duration.ofMinutes(10), Duration.ofMinutes(15)), "ap-guangzhou", "vod.example.test", stopped,
                Tracing.local("openvod-platform"));
    }
}
