package io.openvod.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;

/**
 * Sends requests and turns transport failures into {@link UploadException}s: an IO error is
 * {@link UploadError#UNAVAILABLE} (transient), an interrupt — how a cancellation reaches an
 * in-flight request — is {@link UploadError#CANCELLED}.
 */
final class Transport {
    private final HttpClient http;
    private final Duration requestTimeout;

    Transport(Duration connectTimeout, Duration requestTimeout) {
        // HTTP/1.1: no h2c upgrade dance on plain http, and one request per connection at a time.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    HttpResponse<String> send(HttpRequest request, String what) throws UploadException {
        if (Thread.currentThread().isInterrupted()) {
            throw new UploadException(UploadError.CANCELLED, "cancelled before " + what);
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException | ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            throw new UploadException(UploadError.CANCELLED, what + " was cancelled", e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new UploadException(UploadError.CANCELLED, what + " was cancelled", e);
            }
            throw new UploadException(UploadError.UNAVAILABLE, what + " failed: " + e, e);
        }
    }
}
