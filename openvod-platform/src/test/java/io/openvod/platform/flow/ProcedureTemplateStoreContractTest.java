package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link ProcedureTemplateStore} adapter must do, on SQLite and on PostgreSQL. */
class ProcedureTemplateStoreContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long APP = 1_400_000_001L;
    private static final long OTHER_APP = 1_400_000_002L;
    private static final Instant CREATED = Instant.parse("2026-03-01T10:15:30.123Z");

    @TempDir
    Path dir;

    private static ProcedureTemplateStore store(PlatformDatabase database) {
        return new SqlProcedureTemplateStore(database.jdbi());
    }

    private static ProcedureTemplate template(String name, String comment) throws Exception {
        ObjectNode media = (ObjectNode) JSON.readTree("{\"TranscodeTaskSet\":[{\"Definition\":100030}],"
                + "\"CoverBySnapshotTaskSet\":[{\"Definition\":10,\"PositionType\":\"Percent\",\"PositionValue\":50}]}");
        ObjectNode review = JSON.createObjectNode().put("Definition", 20);
        ObjectNode reviewAudioVideo = (ObjectNode) JSON.readTree("{\"Definition\":10,\"ReviewContents\":[\"Media\"]}");
        return new ProcedureTemplate(name, "Custom", comment, Optional.of(media), Optional.of(review), Optional.of(reviewAudioVideo),
                CREATED, CREATED.plusSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAddedTemplateShouldBeFoundAsItWasAdded(TestDatabase engine) throws Exception {
        try (PlatformDatabase database = PlatformDatabase.open(engine.newUrl(dir))) {
            ProcedureTemplateStore store = store(database);
            ProcedureTemplate mine = template("Mine", "two things");

            assertThat(store.add(APP, mine, 50)).isEmpty();

            assertThat(store.find(APP, "Mine")).contains(mine);
            assertThat(store.find(APP, "Other")).isEmpty();
            assertThat(store.find(OTHER_APP, "Mine")).as("templates belong to their application").isEmpty();
            ProcedureTemplate bare = new ProcedureTemplate("Bare", "Custom", "", Optional.empty(), Optional.empty(), CREATED, CREATED);
            assertThat(store.add(APP, bare, 50)).isEmpty();
            assertThat(store.find(APP, "Bare")).contains(bare);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listShouldShowTheApplicationsTemplatesByName(TestDatabase engine) throws Exception {
        try (PlatformDatabase database = PlatformDatabase.open(engine.newUrl(dir))) {
            ProcedureTemplateStore store = store(database);
            store.add(APP, template("b", "second"), 50);
            store.add(APP, template("a", "first"), 50);
            store.add(OTHER_APP, template("c", "theirs"), 50);

            assertThat(store.list(APP)).extracting(ProcedureTemplate::name).containsExactly("a", "b");
            assertThat(store.list(APP).getFirst()).isEqualTo(template("a", "first"));
            assertThat(store.list(OTHER_APP)).extracting(ProcedureTemplate::name).containsExactly("c");
            assertThat(store.list(7L)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void namesShouldBeUniquePerApplication(TestDatabase engine) throws Exception {
        try (PlatformDatabase database = PlatformDatabase.open(engine.newUrl(dir))) {
            ProcedureTemplateStore store = store(database);
            assertThat(store.add(APP, template("Mine", "first"), 50)).isEmpty();

            assertThat(store.add(APP, template("Mine", "second"), 50)).contains(ProcedureTemplateStore.Conflict.EXISTS);
            assertThat(store.add(OTHER_APP, template("Mine", "theirs"), 50)).isEmpty();

            assertThat(store.find(APP, "Mine").orElseThrow().comment()).as("the first one stays").isEqualTo("first");
            assertThat(store.find(OTHER_APP, "Mine").orElseThrow().comment()).isEqualTo("theirs");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void addShouldRefuseATemplateBeyondTheLimit(TestDatabase engine) throws Exception {
        try (PlatformDatabase database = PlatformDatabase.open(engine.newUrl(dir))) {
            ProcedureTemplateStore store = store(database);
            assertThat(store.add(APP, template("one", ""), 2)).isEmpty();
            assertThat(store.add(APP, template("two", ""), 2)).isEmpty();

            assertThat(store.add(APP, template("three", ""), 2)).contains(ProcedureTemplateStore.Conflict.TOO_MANY);
            assertThat(store.add(APP, template("one", ""), 2)).as("a taken name is told first").contains(ProcedureTemplateStore.Conflict.EXISTS);
            assertThat(store.add(OTHER_APP, template("three", ""), 2)).as("the limit is per application").isEmpty();
            assertThat(store.list(APP)).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deleteShouldRemoveOnlyThatApplicationsTemplate(TestDatabase engine) throws Exception {
        try (PlatformDatabase database = PlatformDatabase.open(engine.newUrl(dir))) {
            ProcedureTemplateStore store = store(database);
            store.add(APP, template("Mine", ""), 50);
            store.add(OTHER_APP, template("Mine", ""), 50);

            assertThat(store.delete(APP, "Mine")).isTrue();
            assertThat(store.delete(APP, "Mine")).isFalse();
            assertThat(store.delete(APP, "Never")).isFalse();

            assertThat(store.find(APP, "Mine")).isEmpty();
            assertThat(store.find(OTHER_APP, "Mine")).isPresent();
            assertThat(store.add(APP, template("Mine", "again"), 50)).as("the name is free again").isEmpty();
        }
    }

    /** Nodes adding the same name at once, each with its own connection pool: one template is stored, the others are told EXISTS. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nodesAddingOneNameAtOnceShouldStoreOneTemplate(TestDatabase engine) throws Exception {
        int nodes = 4;
        String url = engine.newUrl(dir);
        List<PlatformDatabase> databases = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            for (int i = 0; i < nodes; i++) {
                databases.add(PlatformDatabase.open(url));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<ProcedureTemplateStore.Conflict>>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                ProcedureTemplateStore store = store(databases.get(i));
                ProcedureTemplate template = template("Shared", "node " + i);
                results.add(threads.submit(() -> {
                    go.await();
                    return store.add(APP, template, 50);
                }));
            }
            go.countDown();
            List<Optional<ProcedureTemplateStore.Conflict>> answers = new ArrayList<>();
            for (Future<Optional<ProcedureTemplateStore.Conflict>> result : results) {
                answers.add(result.get());
            }

            assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(1);
            assertThat(answers.stream().flatMap(Optional::stream)).containsOnly(ProcedureTemplateStore.Conflict.EXISTS);
            assertThat(store(databases.getFirst()).list(APP)).hasSize(1);
        } finally {
            threads.shutdownNow();
            databases.forEach(PlatformDatabase::close);
        }
    }
}
