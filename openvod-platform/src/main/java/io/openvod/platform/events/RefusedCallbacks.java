package io.openvod.platform.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The applications whose stored PUSH settings name a callback URL this platform's policy refuses
 * (e.g. a loopback URL that {@code openvod dev} or a test left in a database that a platform without
 * {@code platform.events.push.allowLoopback} now runs on): their events would wait as {@code PENDING}
 * and then die, so the platform says so when it starts, with what to do.
 */
public final class RefusedCallbacks {
    private RefusedCallbacks() {
    }

    /** One line per such application: the application, the refusal, and the fix; empty when there is none. */
    public static List<String> of(EventConfigs configs, CallbackUrlPolicy policy) {
        List<String> lines = new ArrayList<>();
        for (EventConfig config : configs.stored()) {
            if (!config.mode().equals("PUSH") || config.notificationUrl().isEmpty()) {
                continue;
            }
            String refusal = withoutDns(config.notificationUrl(), policy);
            if (refusal != null) {
                lines.add("application " + config.subAppId() + " pushes its events to a callback URL this platform refuses ("
                        + refusal + "), so they stay PENDING and then die: give it another URL or PULL mode with "
                        + "ModifyEventConfig, or allow the URL (platform.events.push.allowLoopback / allowPrivateNetworks)");
            }
        }
        return lines;
    }

    /**
     * Why the policy refuses {@code url}, when that is known without asking DNS (a malformed URL, or a
     * host that is an address or {@code localhost}); null otherwise — a name that does not resolve
     * while the platform starts may well resolve when an event is sent.
     */
    private static String withoutDns(String url, CallbackUrlPolicy policy) {
        CallbackUrlPolicy.Target target;
        try {
            target = policy.target(url);
        } catch (CallbackRefusedException e) {
            return e.getMessage();
        }
        String host = target.host();
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+") || host.equals("localhost");
        return literal ? policy.refusal(url) : null;
    }
}
