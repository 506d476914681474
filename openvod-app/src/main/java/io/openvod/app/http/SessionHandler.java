package io.openvod.app.http;

import io.javalin.http.Context;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.account.AccountService;
import io.openvod.app.config.AppHttpConfig;
import io.openvod.app.ratelimit.RateLimiter;
import java.util.Map;

/** {@code POST /api/v1/login} ({@code user}, {@code password} → session token) and {@code POST /api/v1/logout}. */
final class SessionHandler {
    private final AccountService accounts;
    private final RateLimiter perIp;
    private final AppHttpConfig config;
    private final boolean enabled;

    SessionHandler(AccountService accounts, RateLimiter perIp, AppHttpConfig config, boolean enabled) {
        this.accounts = accounts;
        this.perIp = perIp;
        this.config = config;
        this.enabled = enabled;
    }

    void login(Context ctx) {
        requireEnabled();
        String ip = ClientAddress.of(ctx, config.trustForwardedFor());
        SignatureHandler.limit(perIp, "ip:" + ip, "address " + ip);
        Map<String, String> fields = RequestFields.read(ctx, config.maxBodyBytes());
        String user = fields.getOrDefault("user", "");
        String password = fields.getOrDefault("password", "");
        if (user.isEmpty() || password.isEmpty()) {
            throw new AppException(AppError.BAD_REQUEST, "send user and password");
        }
        AccountService.IssuedToken token = accounts.signIn(user, password.toCharArray());
        var data = Envelope.data().put("token", token.token()).put("userId", user);
        token.expiresAt().ifPresent(e -> data.put("expiresAt", e.toString()));
        AppHttpServer.json(ctx, 200, Envelope.ok(data));
    }

    void logout(Context ctx) {
        requireEnabled();
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AppException(AppError.NOT_SIGNED_IN, "send the session token as Authorization: Bearer <token>");
        }
        boolean ended = accounts.revoke(header.substring(7).strip());
        AppHttpServer.json(ctx, 200, Envelope.ok(Envelope.data().put("ended", ended)));
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new AppException(AppError.ENDPOINT_NOT_FOUND, "built-in accounts are disabled (app.auth.accounts)");
        }
    }
}
