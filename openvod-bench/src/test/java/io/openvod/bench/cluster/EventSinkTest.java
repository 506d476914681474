package io.openvod.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The event sink over real HTTP: every POST is answered 200; events are recorded with their id, type and FileId. */
class EventSinkTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static int post(EventSink sink, String eventId, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sink.url())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (eventId != null) {
            request.header("X-OpenVOD-Event-Id", eventId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void recordsEachEventAsItArrives() throws Exception {
        try (EventSink sink = EventSink.start()) {
            assertThat(sink.url()).matches("http://127\\.0\\.0\\.1:[0-9]+/events");
            long before = System.nanoTime();
            assertThat(post(sink, "evt-1", "{\"EventType\":\"NewFileUpload\",\"SubAppId\":1,\"FileUploadEvent\":{\"FileId\":\"5285\"}}"))
                    .isEqualTo(200);
            assertThat(post(sink, "evt-2", "{\"EventType\":\"ProcedureStateChanged\",\"ProcedureStateChangeEvent\":{}}")).isEqualTo(200);
            assertThat(sink.arrivals()).hasSize(2);
            EventSink.Arrival first = sink.arrivals().getFirst();
            assertThat(first.eventId()).isEqualTo("evt-1");
            assertThat(first.eventType()).isEqualTo("NewFileUpload");
            assertThat(first.fileId()).isEqualTo("5285");
            assertThat(first.nanos()).isBetween(before, System.nanoTime());
            assertThat(sink.arrivals().get(1).eventType()).isEqualTo("ProcedureStateChanged");
            assertThat(sink.malformed()).isZero();
        }
    }

    @Test
    void anEventWithoutItsIdOrOfAnotherShapeIsMalformedButStillAnswered() throws Exception {
        try (EventSink sink = EventSink.start()) {
            assertThat(post(sink, null, "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"1\"}}")).isEqualTo(200);
            assertThat(post(sink, "evt-3", "not json")).isEqualTo(200);
            assertThat(post(sink, "evt-4", "{\"EventType\":\"NewFileUpload\"}")).isEqualTo(200);
            assertThat(sink.arrivals()).isEmpty();
            assertThat(sink.malformed()).isEqualTo(3);
        }
    }
}
