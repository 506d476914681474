package io.openvod.platform.events.push;

import io.openvod.platform.events.CallbackRefusedException;
import io.openvod.platform.events.CallbackUrlPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The callback client's name resolution: the host is resolved when a connection is opened and
 * only the addresses the {@link CallbackUrlPolicy} allows are handed to the client to dial, so
 * the address checked is the address connected to. Resolution runs on {@code executor}, since
 * the system resolver blocks.
 */
final class PolicyResolver implements SocketAddressResolver {
    private final CallbackUrlPolicy policy;
    private final Executor executor;

    PolicyResolver(CallbackUrlPolicy policy, Executor executor) {
        this.policy = policy;
        this.executor = executor;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        executor.execute(() -> {
            List<InetSocketAddress> addresses;
            try {
                addresses = policy.dialable(host).stream().map((InetAddress a) -> new InetSocketAddress(a, port)).toList();
            } catch (CallbackRefusedException e) {
                promise.failed(e);
                return;
            } catch (RuntimeException e) {
                promise.failed(e);
                return;
            }
            promise.succeeded(addresses);
        });
    }
}
