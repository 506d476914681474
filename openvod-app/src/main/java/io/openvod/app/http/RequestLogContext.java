package io.openvod.app.http;

import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.LogContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Gives each request its id (a UUIDv7, answered as {@code X-Request-Id}) before anything else runs,
 * and puts it on every log line the request's thread writes ({@code request_id}) until the request
 * is done on that thread: its handlers, the exception mappers and the error pages alike, whatever
 * failed. The scope is opened and closed on that one thread; work that goes on elsewhere (a
 * signature answered once its audit row is committed) opens a scope of its own.
 */
final class RequestLogContext implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String id = TimeOrderedIds.next();
        request.setAttribute(AppHttpServer.REQUEST_ID, id);
        try (LogContext logs = LogContext.ofRequest(id)) {
            chain.doFilter(request, response);
        }
    }
}
