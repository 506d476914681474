package io.openvod.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.testing.EventStores;
import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestClock;
import io.openvod.platform.testing.TestSessions;
import io.openvod.platform.ugc.SqlUploadSessions;
import io.openvod.platform.ugc.TempCredential;
import io.openvod.platform.ugc.UploadSessions;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link MediaCatalog} contract, on SQLite and PostgreSQL: each write stores the media, its
 * event (routed to the delivery log) and the end of the upload session in one transaction, and
 * events of one FileId written by two nodes at once get consecutive sequence numbers.
 */
class MediaCatalogContractTest {
    private static final long APP = 401;
    private static final long OTHER_APP = 402;
    private static final Duration VALIDITY = Duration.ofHours(1);

    @TempDir
    Path dir;
    NodeDatabases databases;
    TestClock clock = TestClock.atNow();
    EventStores stores;
    MediaCatalog catalog;
    UploadSessions sessions;

    void open(TestDatabase engine) {
        databases = NodeDatabases.open(engine, dir);
        stores = new EventStores(databases.node(), clock, EventStores.pullAll());
        catalog = stores.catalog;
        sessions = new SqlUploadSessions(databases.node().jdbi());
    }

    @AfterEach
    void close() {
        databases.close();
    }

    /** Opens the media upload session {@code "hash-" + fileId} of {@code APP} with one credential, which it returns. */
    TempCredential session(String fileId) {
        String hash = "hash-" + fileId;
        TempCredential credential = TestSessions.credential(hash, clock.instant().plus(VALIDITY));
        sessions.create(TestSessions.media(hash, fileId, APP, clock.instant(), VALIDITY), credential);
        return credential;
    }

    /** Opens a cover upload session for {@code fileId} of {@code subAppId}. */
    void coverSession(String hash, String fileId, long subAppId) {
        sessions.create(TestSessions.cover(hash, fileId, subAppId, clock.instant(), VALIDITY),
                TestSessions.credential(hash, clock.instant().plus(VALIDITY)));
    }

    Media media(String fileId) {
        Instant now = clock.instant();
        return new Media(fileId, 1, APP, "clip " + fileId, "", "mp4", 0, "bucket-1", "ap-guangzhou", "media/" + fileId + ".mp4",
                "https://media.example.com/" + fileId + ".mp4", Optional.empty(), "", "source", 1024,
                Optional.of("{\"Duration\":3.0}"), Optional.empty(), Media.NORMAL, Optional.empty(), now, now);
    }

    /** Records {@code fileId} as committed by its own new session. */
    Media uploaded(String fileId) {
        Media media = media(fileId);
        session(fileId);
        catalog.recordUpload(media, event(media, "NewFileUpload"), List.of(), "hash-" + fileId);
        return media;
    }

    static OutboxEvent event(Media media, String type) {
        return new OutboxEvent(TimeOrderedIds.next(), media.appId(), media.subAppId(), media.fileId(), type,
                "{\"EventType\":\"" + type + "\"}");
    }

    static FlowRequest flow(String taskId, String fileId, int priority) {
        return new FlowRequest(taskId, fileId, 1, APP, "QCVB_SimpleProcessFile", priority, "Finish", "");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUploadIsRecordedWithItsRoutedEventAndFlowsAndEndsItsSession(TestDatabase engine) {
        open(engine);
        Media media = media("5001");
        TempCredential credential = session("5001");
        assertThat(sessions.credential(credential.secretId(), clock.instant())).isPresent();
        OutboxEvent event = event(media, "NewFileUpload");
        catalog.recordUpload(media, event, List.of(flow("t-low", "5001", 0), flow("t-high", "5001", 10)), "hash-5001");

        assertThat(catalog.find("5001")).hasValue(media);
        List<StoredEvent> events = catalog.events("5001");
        assertThat(events).extracting(StoredEvent::event).containsExactly(event);
        assertThat(events.getFirst().seq()).isOne();
        assertThat(events.getFirst().createdAt()).isEqualTo(clock.instant());
        assertThat(stores.deliveries.find(event.eventId())).map(DeliveryRecord::channel).hasValue("PULL");
        assertThat(catalog.pendingFlows(10)).extracting(FlowRequest::taskId).containsExactly("t-high", "t-low");
        assertThat(sessions.find("hash-5001").orElseThrow().committed()).isTrue();
        assertThat(sessions.credential(credential.secretId(), clock.instant())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsKeepTheirTraceparentAndFlowsRunInTheTraceOfTheirMediasUpload(TestDatabase engine) {
        open(engine);
        String trace = TraceParent.newTrace().traceId();
        sessions.create(TestSessions.media("hash-5101", "5101", APP, clock.instant(), VALIDITY).withTrace(trace),
                TestSessions.credential("hash-5101", clock.instant().plus(VALIDITY)));
        sessions.create(TestSessions.cover("hash-cover-5101", "5101", APP, clock.instant(), VALIDITY)
                .withTrace(TraceParent.newTrace().traceId()), TestSessions.credential("hash-cover-5101", clock.instant().plus(VALIDITY)));
        Media media = media("5101");
        TraceParent commit = TraceParent.inTrace(trace);
        OutboxEvent uploaded = event(media, "NewFileUpload").withTrace(commit);
        catalog.recordUpload(media, uploaded, List.of(flow("t-traced", "5101", 0)), "hash-5101");
        catalog.recordEvent(event(media, "FileDeleted"));
        session("5103");
        Media plain = media("5103");
        catalog.recordUpload(plain, event(plain, "NewFileUpload"), List.of(flow("t-plain", "5103", 0)), "hash-5103");

        MediaCatalog other = new EventStores(databases.anotherNode(), clock, EventStores.pullAll()).catalog;
        assertThat(other.events("5101")).extracting(e -> e.event().traceparent()).containsExactly(Optional.of(commit), Optional.empty());
        assertThat(other.events("5101").getFirst().event()).isEqualTo(uploaded);
        assertThat(other.uploadTrace("5101")).as("the media's upload, not a cover's").hasValue(trace);
        assertThat(other.uploadTrace(plain.fileId())).as("a session opened without a trace").isEmpty();
        assertThat(other.uploadTrace("no-such-file")).isEmpty();
        assertThat(other.pendingFlows(10)).extracting(FlowRequest::taskId, FlowRequest::traceId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("t-traced", Optional.of(trace)),
                        org.assertj.core.groups.Tuple.tuple("t-plain", Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSessionCommitsOnceAndAFailedCommitWritesNothing(TestDatabase engine) {
        open(engine);
        session("5002");
        Media media = media("5002");
        assertThatThrownBy(() -> catalog.recordUpload(media, event(media, "NewFileUpload"),
                List.of(flow("t-same", "5002", 0), flow("t-same", "5002", 0)), "hash-5002")).isInstanceOf(RuntimeException.class);
        assertThat(catalog.find("5002")).isEmpty();
        assertThat(catalog.events("5002")).isEmpty();
        assertThat(stores.deliveries.list(Optional.empty(), Optional.of("5002"), 10)).isEmpty();
        assertThat(sessions.find("hash-5002").orElseThrow().committed()).isFalse();

        catalog.recordUpload(media, event(media, "NewFileUpload"), List.of(), "hash-5002");
        Media again = media("5003");
        assertThatThrownBy(() -> catalog.recordUpload(again, event(again, "NewFileUpload"), List.of(), "hash-5002"))
                .isInstanceOf(CatalogConflictException.class);
        assertThat(catalog.find("5003")).isEmpty();
        assertThat(catalog.events("5002")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewCoverIsStoredWithTheEventOfTheUpdatedMediaAndOnlyForItsApplication(TestDatabase engine) {
        open(engine);
        uploaded("5004");
        clock.advance(Duration.ofMinutes(1));
        coverSession("cover-1", "5004", APP);

        Media updated = catalog.replaceCover("5004", APP, "cover/1.png", "https://media.example.com/cover/1.png", "cover-1",
                m -> event(m, "NewFileUpload"));
        assertThat(updated.coverKey()).hasValue("cover/1.png");
        assertThat(updated.coverUrl()).isEqualTo("https://media.example.com/cover/1.png");
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(catalog.find("5004")).hasValue(updated);
        assertThat(catalog.events("5004")).extracting(StoredEvent::seq).containsExactly(1L, 2L);
        assertThat(sessions.find("cover-1").orElseThrow().committed()).isTrue();

        coverSession("cover-2", "5004", OTHER_APP);
        assertThatThrownBy(() -> catalog.replaceCover("5004", OTHER_APP, "cover/2.png", "https://x.example.com/2.png", "cover-2",
                m -> event(m, "NewFileUpload"))).isInstanceOf(MediaGoneException.class);
        assertThat(catalog.find("5004")).hasValue(updated);
        assertThat(catalog.events("5004")).hasSize(2);
        assertThat(sessions.find("cover-2").orElseThrow().committed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theStatusIsSetOnlyOnTheApplicationsOwnMedia(TestDatabase engine) {
        open(engine);
        uploaded("5005");
        assertThat(catalog.setStatus("5005", OTHER_APP, Media.FORBIDDEN)).isFalse();
        assertThat(catalog.find("5005").orElseThrow().status()).isEqualTo(Media.NORMAL);
        assertThat(catalog.setStatus("5005", APP, Media.FORBIDDEN)).isTrue();
        assertThat(catalog.find("5005").orElseThrow().status()).isEqualTo(Media.FORBIDDEN);
        assertThat(catalog.setStatus("no-such-file", APP, Media.NORMAL)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletingWritesTheEventOnceAndOnlyForTheOwner(TestDatabase engine) {
        open(engine);
        Media media = uploaded("5006");
        assertThat(catalog.delete("5006", OTHER_APP, event(media, "FileDeleted"))).isEmpty();
        assertThat(catalog.delete("5006", APP, event(media, "FileDeleted"))).hasValue(media);
        assertThat(catalog.delete("5006", APP, event(media, "FileDeleted"))).isEmpty();
        assertThat(catalog.find("5006")).isEmpty();
        assertThat(catalog.events("5006")).extracting(s -> s.event().eventType()).containsExactly("NewFileUpload", "FileDeleted");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anApplicationsMediaAreListedNewestFirst(TestDatabase engine) {
        open(engine);
        for (String fileId : List.of("5007", "5008", "5009")) {
            uploaded(fileId);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(catalog.list(APP, 2)).extracting(Media::fileId).containsExactly("5009", "5008");
        assertThat(catalog.list(OTHER_APP, 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsOfOneFileWrittenByTwoNodesAtOnceGetConsecutiveSequenceNumbers(TestDatabase engine) throws Exception {
        open(engine);
        Media media = uploaded("5010");
        List<MediaCatalog> nodes = List.of(catalog, new EventStores(databases.anotherNode(), clock, EventStores.pullAll()).catalog);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MediaCatalog node = nodes.get(i % 2);
            writers.add(() -> {
                for (int n = 0; n < 5; n++) {
                    node.recordEvent(event(media, "ProcedureStateChanged"));
                }
                return 5;
            });
        }
        NodeDatabases.race(writers);
        assertThat(catalog.events("5010")).extracting(StoredEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 41).boxed().toList());
        assertThat(stores.deliveries.list(Optional.empty(), Optional.of("5010"), 100)).hasSize(41);
    }
}
