package io.openvod.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bare-Jetty PUT sink stores the exact body and leaves no temporary file. */
class PutSinkServerTest {
    @TempDir
    static Path dir;
    static Server server;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        server = PutSinkServer.start(dir, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + PutSinkServer.port(server) + "/";
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void storesAPutBodyUnderItsName() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024 + 7];
        new Random(3).nextBytes(body);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "x"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body().strip()).isEqualTo(Integer.toString(body.length));
        assertThat(Files.readAllBytes(dir.resolve("x"))).isEqualTo(body);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x");
        }
    }

    @Test
    void refusesOtherMethodsAndNames() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "x")).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(405);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "a%20b")).PUT(HttpRequest.BodyPublishers.ofString("1")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(400);
    }
}
