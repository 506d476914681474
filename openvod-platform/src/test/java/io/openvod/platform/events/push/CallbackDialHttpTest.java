package io.openvod.platform.events.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.MediaUrls;
import io.openvod.platform.events.CallbackUrlPolicy;
import io.openvod.platform.events.HostResolver;
import io.openvod.platform.events.PushDelivery;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The callback POST dials only addresses the policy allows, resolved when the connection opens:
 * a receiver on 127.0.0.1 is not reached with loopback refused, even through a name that resolved
 * to a public address when the URL was checked (DNS rebinding), or through a host written as an
 * odd form of 127.0.0.1. Over real HTTP, with a test resolver instead of DNS.
 */
class CallbackDialHttpTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Answers {@code first} for the first lookup and 127.0.0.1 for every later one; counts lookups. */
    static final class RebindingResolver implements HostResolver {
        final AtomicInteger lookups = new AtomicInteger();
        private final String first;

        RebindingResolver(String first) {
            this.first = first;
        }

        @Override
        public List<InetAddress> resolve(String name) throws UnknownHostException {
            if (!name.equals("hooks.rebind.test")) {
                throw new UnknownHostException(name);
            }
            return List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? first : "127.0.0.1"));
        }
    }

    private static final TraceParent TRACE = TraceParent.newTrace();

    private static PushDelivery delivery(String url) {
        return new PushDelivery("evt-1", 1, "file-1", 1, "NewFileUpload", "{\"EventType\":\"NewFileUpload\"}", url, 0, 0, 0,
                Optional.empty());
    }

    private static PushSender sender(CallbackUrlPolicy policy) {
        return new PushSender(TIMEOUT, policy, new WebhookSigner(new InMemoryWebhookSecrets(), Clock.systemUTC()), false, Clock.systemUTC());
    }

    private static int port(TestReceiver receiver) {
        return URI.create(receiver.url()).getPort();
    }

    @Test
    void aNameThatResolvesToLoopbackAtDialTimeIsNotCalled() throws Exception {
        RebindingResolver resolver = new RebindingResolver("8.8.8.8");
        CallbackUrlPolicy policy = new CallbackUrlPolicy(false, false, resolver);
        PushSender sender = sender(policy);
        try (TestReceiver receiver = TestReceiver.healthy()) {
            String url = "http://hooks.rebind.test:" + port(receiver) + "/hooks/vod";
            assertThat(policy.refusal(url)).as("accepted when set: the name was public then").isNull();

            PushSender.Outcome outcome = sender.send(delivery(url), TRACE);

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.error()).contains("refused").contains("loopback");
            assertThat(resolver.lookups.get()).as("resolved again when dialling").isEqualTo(2);
            Thread.sleep(300);
            assertThat(receiver.requests()).as("the receiver on 127.0.0.1 is never called").isEmpty();
        } finally {
            sender.close();
        }
    }

    @Test
    void theAddressDialledIsTheOneTheResolverGaveAtDialTime() throws Exception {
        RebindingResolver resolver = new RebindingResolver("8.8.8.8");
        CallbackUrlPolicy policy = new CallbackUrlPolicy(true, false, resolver);
        PushSender sender = sender(policy);
        try (TestReceiver receiver = TestReceiver.healthy()) {
            String url = "http://hooks.rebind.test:" + port(receiver) + "/hooks/vod?k=v";
            assertThat(policy.refusal(url)).as("checked against 8.8.8.8").isNull();

            PushSender.Outcome outcome = sender.send(delivery(url), TRACE);

            assertThat(outcome.error()).isNull();
            TestReceiver.Request post = receiver.await(1, Duration.ofSeconds(5)).getFirst();
            assertThat(post.header("Host")).isEqualTo("hooks.rebind.test:" + port(receiver));
            assertThat(post.header("Content-Type")).isEqualTo("application/json");
            assertThat(post.header("X-OpenVOD-Event-Id")).isEqualTo("evt-1");
            assertThat(post.header("traceparent")).as("the push step's position").isEqualTo(TRACE.header());
            assertThat(post.body()).as("the stored body, naming its application").isEqualTo("{\"EventType\":\"NewFileUpload\",\"SubAppId\":1}");
        } finally {
            sender.close();
        }
    }

    @Test
    void theStoredBodysMediaUrlsArePostedOnThePlatformsCurrentBase() throws Exception {
        String key = "vod1-1250000000/1/5285890813342811041/a.mp4";
        PushSender sender = new PushSender(TIMEOUT, new CallbackUrlPolicy(true, false),
                new WebhookSigner(new InMemoryWebhookSecrets(), Clock.systemUTC()), false, Clock.systemUTC(),
                new MediaUrls("http://127.0.0.1:40123"));
        try (TestReceiver receiver = TestReceiver.healthy()) {
            PushDelivery written = new PushDelivery("evt-2", 1, "5285890813342811041", 1, "NewFileUpload",
                    "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"MediaBasicInfo\":{\"MediaUrl\":\"http://127.0.0.1:8082/"
                            + key + "\"}}}", receiver.url(), 0, 0, 0, Optional.empty());
            assertThat(sender.send(written, TRACE).error()).isNull();
            assertThat(receiver.await(1, Duration.ofSeconds(5)).getFirst().body()).as("written before the platform moved")
                    .isEqualTo("{\"EventType\":\"NewFileUpload\",\"SubAppId\":1,\"FileUploadEvent\":{\"MediaBasicInfo\":"
                            + "{\"MediaUrl\":\"http://127.0.0.1:40123/" + key + "\"}}}");
        } finally {
            sender.close();
        }
    }

    @Test
    void hostsWrittenAsOddFormsOfLoopbackAreDialledAsLoopback() throws Exception {
        PushSender refusing = sender(new CallbackUrlPolicy(false, false));
        PushSender allowing = sender(new CallbackUrlPolicy(true, false));
        try (TestReceiver receiver = TestReceiver.healthy()) {
            for (String host : List.of("0x7f.1", "2130706433", "127.1", "[::ffff:127.0.0.1]")) {
                String url = "http://" + host + ":" + port(receiver) + "/hooks/vod";
                assertThat(refusing.send(delivery(url), TRACE).error()).as(host).contains("refused").contains("loopback");
                assertThat(receiver.requests()).as(host).isEmpty();
            }
            assertThat(allowing.send(delivery("http://0x7f.1:" + port(receiver) + "/hooks/vod"), TRACE).error()).isNull();
            assertThat(receiver.await(1, Duration.ofSeconds(5)).getFirst().header("Host")).isEqualTo("127.0.0.1:" + port(receiver));
        } finally {
            refusing.close();
            allowing.close();
        }
    }

    @Test
    void badPortsAreRefusedBeforeAnyConnection() throws Exception {
        PushSender sender = sender(new CallbackUrlPolicy(true, true));
        try {
            assertThat(sender.send(delivery("http://127.0.0.1:65536/hook"), TRACE).error())
                    .isEqualTo("callback URL refused: the port must be from 1 to 65535");
            assertThat(sender.send(delivery("http://127.0.0.1:0/hook"), TRACE).error())
                    .isEqualTo("callback URL refused: the port must be from 1 to 65535");
        } finally {
            sender.close();
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        PushSender sender = sender(new CallbackUrlPolicy(true, false));
        try (TestReceiver target = TestReceiver.healthy();
             TestReceiver redirecting = TestReceiver.start(n -> TestReceiver.Answer.status(307))) {
            assertThat(sender.send(delivery(redirecting.url()), TRACE).error()).isEqualTo("HTTP 307");
            assertThat(target.requests()).isEmpty();
        } finally {
            sender.close();
        }
    }
}
