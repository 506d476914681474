package io.openvod.platform.storage.s3;

import java.io.IOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that closes a request's connection when the request fails. The JDK client
 * otherwise keeps the socket of a request whose body could not be sent in full (an upload whose
 * source ended early) until garbage collection, and the server keeps waiting for the rest of the
 * body until its own timeout.
 */
final class ClosingOnFailureHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;

    ClosingOnFailureHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    return prepared.call();
                } catch (IOException | RuntimeException e) {
                    prepared.abort();
                    throw e;
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
