package io.openvod.server.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Captures what the app backend's loggers ({@code io.openvod.app}) write while open, each line with
 * the MDC (trace and request ids) of the thread that wrote it.
 */
final class AppLogLines implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.openvod.app");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // reads the writing thread's MDC now
            super.append(event);
        }
    };

    AppLogLines() {
        appender.list = new CopyOnWriteArrayList<>();
        appender.start();
        logger.addAppender(appender);
    }

    /** The first line whose message starts with {@code prefix}, waiting up to 10 s for it. */
    ILoggingEvent await(String prefix) throws InterruptedException {
        return await(prefix, e -> true);
    }

    /** The first line whose message starts with {@code prefix} and that matches {@code test}, waiting up to 10 s. */
    ILoggingEvent await(String prefix, Predicate<ILoggingEvent> test) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (ILoggingEvent e : appender.list) {
                if (e.getFormattedMessage().startsWith(prefix) && test.test(e)) {
                    return e;
                }
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no log line starting with '" + prefix + "' in " + messages());
            }
            Thread.sleep(20);
        }
    }

    List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    List<ILoggingEvent> lines() {
        return List.copyOf(appender.list);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
