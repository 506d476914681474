package io.openvod.platform.events;

import java.util.List;

/** Each application's event settings; an application never configured has the defaults. */
public interface EventConfigs {

    /** The settings of {@code subAppId}: stored ones, else the platform's defaults for it. */
    EventConfig get(long subAppId);

    /** Stores the settings of an application. */
    void put(EventConfig config);

    /** The stored settings of every application that has some ({@code ModifyEventConfig}), by SubAppId. */
    List<EventConfig> stored();

    /**
     * Forgets the stored settings of {@code subAppId}: the platform's defaults apply to it again.
     *
     * @return whether there were stored settings
     */
    boolean remove(long subAppId);
}
