package io.openvod.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {
    private static HttpConnection reading(String wire) {
        return HttpConnection.reading(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsContentLengthBodiesBackToBack() throws Exception {
        HttpConnection c = reading("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"code\":0}\n"
                + "HTTP/1.1 401 Unauthorized\r\ncontent-length: 2\r\nConnection: close\r\n\r\n{}");
        HttpConnection.Response first = c.readResponse();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.bodyContains("\"code\":0".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(c.closing()).isFalse();
        HttpConnection.Response second = c.readResponse();
        assertThat(second.status()).isEqualTo(401);
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(c.closing()).isTrue();
    }

    @Test
    void readsChunkedBodiesAndBodiesUntilClose() throws Exception {
        HttpConnection chunked = reading("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\n{\"co\r\n6;x=y\r\nde\":0}\r\n0\r\nTrailer: t\r\n\r\n");
        assertThat(new String(chunked.readResponse().body(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":0}");
        HttpConnection untilClose = reading("HTTP/1.0 200 OK\r\n\r\nhello");
        assertThat(new String(untilClose.readResponse().body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(untilClose.closing()).isTrue();
    }

    @Test
    void aTruncatedResponseIsAnError() {
        assertThatThrownBy(() -> reading("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc").readResponse())
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reading("SSH-2.0-OpenSSH\r\n").readResponse()).hasMessageContaining("status line");
    }

    @Test
    void buildsAKeepAliveGet() {
        String request = new String(HttpConnection.getRequest("127.0.0.1", 8081, "/api/v1/upload-signature?x=1",
                List.of("Authorization: Bearer t")), StandardCharsets.ISO_8859_1);
        assertThat(request).startsWith("GET /api/v1/upload-signature?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8081\r\n")
                .contains("\r\nAuthorization: Bearer t\r\n").endsWith("\r\n\r\n");
    }
}
