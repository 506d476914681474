package io.openvod.platform.events;

/** Each application's event settings; an application never configured has the defaults. */
public interface EventConfigs {

    /** The settings of {@code subAppId}: stored ones, else the platform's defaults for it. */
    EventConfig get(long subAppId);

    /** Stores the settings of an application. */
    void put(EventConfig config);
}
