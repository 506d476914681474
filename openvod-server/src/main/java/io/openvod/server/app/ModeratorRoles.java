package io.openvod.server.app;

import io.openvod.app.config.AppConfig;
import io.openvod.app.policy.PolicyConfig;
import java.util.List;

/**
 * What a running app backend says about an {@code app.receipt.moderatorRoles} entry that
 * {@code app.policy.roles} lacks: an account whose role is that name counts as the default role
 * (a user's role is resolved as for signatures) and so cannot moderate. Said when the app backend
 * starts to serve, never by an administration command such as {@code openvod users}.
 */
final class ModeratorRoles {
    private ModeratorRoles() {
    }

    /** One line per moderator role that is not a role of {@code app.policy.roles}. */
    static List<String> unknownTo(AppConfig config) {
        PolicyConfig policy = config.policy();
        return config.receipt().moderatorRoles().stream().filter(role -> !policy.roles().containsKey(role))
                .map(role -> "app.receipt.moderatorRoles names '" + role + "', which is not a role of app.policy.roles: accounts with role '"
                        + role + "' count as the default role '" + policy.defaultRole() + "' and cannot moderate; add '" + role
                        + "' to app.policy.roles to let them")
                .toList();
    }
}
