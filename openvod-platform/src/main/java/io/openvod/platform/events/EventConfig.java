package io.openvod.platform.events;

import io.openvod.platform.config.EventsConfig;
import java.util.Objects;

/**
 * An application's event settings, as {@code ModifyEventConfig} sets them and
 * {@code DescribeEventConfig} reports them (spec: event-protocol §10.5).
 *
 * @param mode {@code PUSH} (HTTP callback to {@code notificationUrl}) or {@code PULL} (PullEvents)
 * @param notificationUrl the v3 callback URL; empty for none
 * @param uploadSwitch {@code ON}/{@code OFF}: NewFileUpload events
 * @param deleteSwitch {@code ON}/{@code OFF}: FileDeleted events
 * @param persistenceSwitch {@code ON}/{@code OFF}: PersistenceComplete events
 */
public record EventConfig(long subAppId, String mode, String notificationUrl, String uploadSwitch, String deleteSwitch,
                          String persistenceSwitch) {
    public EventConfig {
        Objects.requireNonNull(mode, "mode == null");
        notificationUrl = notificationUrl == null ? "" : notificationUrl;
        if (!mode.equals("PUSH") && !mode.equals("PULL")) {
            throw new IllegalArgumentException("mode must be PUSH or PULL");
        }
        for (String s : new String[] {uploadSwitch, deleteSwitch, persistenceSwitch}) {
            if (!"ON".equals(s) && !"OFF".equals(s)) {
                throw new IllegalArgumentException("event switches are ON or OFF");
            }
        }
    }

    /** These settings for the application {@code subAppId} (the platform's defaults apply to every application never configured). */
    public EventConfig forApp(long subAppId) {
        return new EventConfig(subAppId, mode, notificationUrl, uploadSwitch, deleteSwitch, persistenceSwitch);
    }

    /** The route of an event of {@code eventType} under these settings: {@link #channelFor}, with the URL of a push. */
    public DeliveryRoute routeFor(String eventType) {
        return switch (channelFor(eventType)) {
            case "PUSH" -> DeliveryRoute.push(notificationUrl);
            case "PULL" -> DeliveryRoute.PULL;
            default -> DeliveryRoute.NONE;
        };
    }

    /**
     * How an event of {@code eventType} is delivered under these settings: {@code NONE} when its
     * switch is off (only NewFileUpload, FileDeleted and PersistenceComplete have switches; the
     * others always go), {@code PULL} in pull mode, {@code PUSH} in push mode with a URL, else
     * {@code NONE}.
     */
    public String channelFor(String eventType) {
        String sw = switch (eventType) {
            case "NewFileUpload" -> uploadSwitch;
            case "FileDeleted" -> deleteSwitch;
            case "PersistenceComplete" -> persistenceSwitch;
            default -> "ON";
        };
        if (sw.equals("OFF")) {
            return "NONE";
        }
        if (mode.equals("PULL")) {
            return "PULL";
        }
        return notificationUrl.isEmpty() ? "NONE" : "PUSH";
    }

    /** The settings of an application that never called ModifyEventConfig: the configuration's {@code platform.events}. */
    public static EventConfig defaultsOf(EventsConfig configured, long subAppId) {
        return new EventConfig(subAppId, configured.mode(), configured.notificationUrl(), configured.uploadSwitch(),
                configured.deleteSwitch(), "OFF");
    }
}
