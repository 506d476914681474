package io.openvod.server.cli;

import io.openvod.client.AppRefusedException;
import io.openvod.client.AppSignatures;
import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;

/**
 * Signs a user in at an app backend for a bearer token ({@link AppSignatures#login}), failing with
 * what went wrong and what to do: a refusal (wrong password, banned user) is
 * {@code INVALID_ARGUMENT} (exit 2), an app backend that cannot be reached is {@code UNAVAILABLE}
 * (exit 7). The password is never in a message.
 */
final class SignIn {
    private SignIn() {
    }

    /** The token of {@code user}; {@code unreachable} says what to check when the app cannot be reached. */
    static String as(URI appUrl, String user, String password, String unreachable) throws InterruptedException {
        URI login = appUrl.resolve("api/v1/login");
        try {
            return AppSignatures.login(appUrl, user, password);
        } catch (AppRefusedException e) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "cannot sign in as " + user + " at " + login + ": "
                    + e.getMessage() + advice(e.code(), user), e);
        } catch (IOException e) {
            throw new OpenVodException(CommonError.UNAVAILABLE, "cannot sign in as " + user + " at " + login + ": " + describe(e)
                    + "; " + unreachable, e);
        }
    }

    private static String advice(String code, String user) {
        return switch (code) {
            case "INVALID_CREDENTIALS" -> "; check the user and the password";
            case "USER_BANNED" -> "; the user is banned (openvod users unban " + user + ")";
            default -> "";
        };
    }

    /** The failure's message, or what it is when it has none (a refused connection has no message). */
    static String describe(IOException e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e instanceof HttpTimeoutException ? "timed out" : e.getClass().getSimpleName();
    }
}
