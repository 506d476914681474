package io.openvod.platform.cloudapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The API 3.0 actions the endpoint answers, by {@code X-TC-Action} name. */
public final class CloudActions {
    private final Map<String, CloudAction> byName;

    /** @throws IllegalArgumentException when two actions have the same name */
    public CloudActions(List<? extends CloudAction> actions) {
        Map<String, CloudAction> map = new LinkedHashMap<>();
        for (CloudAction action : actions) {
            if (map.putIfAbsent(action.name(), action) != null) {
                throw new IllegalArgumentException("two actions are named " + action.name());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The action named exactly {@code name} (names are case-sensitive, as Tencent's). */
    public Optional<CloudAction> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
