package io.openvod.app.policy;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code app.policy:} — who may sign what.
 *
 * @param defaultRole the role of users with none assigned (by account, JWT claim or user entry). Defaults to {@code user}.
 * @param roles the roles by name; the default role must exist
 * @param users per-user overrides by user id
 */
public record PolicyConfig(String defaultRole, Map<String, RolePolicy> roles, Map<String, UserPolicy> users) {
    public PolicyConfig {
        defaultRole = defaultRole == null || defaultRole.isBlank() ? "user" : defaultRole;
        roles = roles == null ? Map.of() : new TreeMap<>(roles);
        users = users == null ? Map.of() : new TreeMap<>(users);
        roles.replaceAll((name, policy) -> policy == null ? RolePolicy.DEFAULT : policy);
        users.replaceAll((name, policy) -> policy == null ? UserPolicy.NONE : policy);
        if (!roles.containsKey(defaultRole)) {
            throw new IllegalArgumentException("defaultRole '" + defaultRole + "' is not one of the roles " + roles.keySet());
        }
        for (Map.Entry<String, UserPolicy> u : users.entrySet()) {
            String role = u.getValue().role();
            if (role != null && !roles.containsKey(role)) {
                throw new IllegalArgumentException("users." + u.getKey() + ".role '" + role + "' is not one of the roles " + roles.keySet());
            }
        }
        roles = Map.copyOf(roles);
        users = Map.copyOf(users);
    }
}
