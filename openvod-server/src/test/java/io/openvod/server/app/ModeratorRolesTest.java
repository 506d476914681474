package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.openvod.app.config.AppConfig;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.policy.RolePolicy;
import io.openvod.app.policy.UserPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A moderator role ({@code app.receipt.moderatorRoles}, default {@code [moderator]}) that
 * {@code app.policy.roles} lacks is explained when the app backend starts: accounts with it count as
 * the default role and cannot moderate. A configuration with the role says nothing.
 */
class ModeratorRolesTest {
    private static final RolePolicy PLAIN = AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1);

    @TempDir
    Path dir;

    private AppConfig config(Map<String, RolePolicy> roles, Map<String, UserPolicy> users) {
        return AppFixture.config(dir, AppFixture.keyA(), roles, users, new RateLimitConfig(0, 0), AppFixture.noJwt());
    }

    private static UserPolicy withRole(String role) {
        return new UserPolicy(role, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aModeratorRoleThatIsNoPolicyRoleIsExplainedOnceTheAppServes() {
        AppConfig config = config(Map.of("user", PLAIN), Map.of("dave", withRole("user")));
        Logger logger = (Logger) LoggerFactory.getLogger(AppBackend.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (AppBackend backend = AppBackend.start(config, Clock.systemUTC())) {
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).filteredOn(m -> m.contains("moderatorRoles"))
                    .containsExactly("app.receipt.moderatorRoles names 'moderator', which is not a role of app.policy.roles: "
                            + "accounts with role 'moderator' count as the default role 'user' and cannot moderate; "
                            + "add 'moderator' to app.policy.roles to let them");
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void aModeratorRoleOfThePolicyIsNotMentioned() {
        assertThat(ModeratorRoles.unknownTo(config(Map.of("user", PLAIN, "moderator", PLAIN), Map.of()))).isEmpty();
        assertThat(ModeratorRoles.unknownTo(config(Map.of("user", PLAIN), Map.of()))).hasSize(1);
    }
}
