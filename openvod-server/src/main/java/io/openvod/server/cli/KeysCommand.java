package io.openvod.server.cli;

import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeyGenerator;
import io.openvod.server.platform.PlatformServices;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openvod keys …}: the platform's accounts, applications and API keys. */
@Command(name = "keys", description = "Manage the platform's API keys (SecretId/SecretKey) and applications (SubAppId).",
        subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class, KeysCommand.AddApp.class})
final class KeysCommand {
    @ParentCommand
    OpenVodCommand root;

    <T> T withServices(Function<PlatformServices, T> action) {
        return root.withPlatformAdmin(action);
    }

    @Command(name = "add", description = {"Create an API key for an account and print it; the SecretKey is shown only now."})
    static final class Add implements Callable<Integer> {
        @ParentCommand KeysCommand keys;
        @Spec CommandSpec spec;
        @Option(names = "--app-id", description = "The account's AppId (default: platform.account.appId).") Long appId;

        @Override
        public Integer call() {
            long account = appId != null ? appId : keys.root.config().platform().account().appId();
            if (account < 1 || account > Integer.MAX_VALUE) {
                throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--app-id must be within 1..2147483647");
            }
            ApiKey key = new ApiKey(ApiKeyGenerator.secretId(), ApiKeyGenerator.secretKey(), account, true, Instant.now(), false);
            keys.withServices(s -> {
                s.keys().add(key);
                return null;
            });
            PrintWriter out = spec.commandLine().getOut();
            out.println("AppId:     " + account);
            out.println("SecretId:  " + key.secretId());
            out.println("SecretKey: " + key.secretKey());
            return 0;
        }
    }

    @Command(name = "list", description = "List API keys: SecretId, AppId, state, origin, created. Secret keys are never shown.")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand KeysCommand keys;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-40s %-12s %-8s %-7s %s%n", "SECRET ID", "APP ID", "STATE", "ORIGIN", "CREATED");
            keys.withServices(s -> s.keys().list()).forEach(k -> out.printf("%-40s %-12d %-8s %-7s %s%n", k.secretId(),
                    k.appId(), k.active() ? "active" : "revoked", k.fromConfig() ? "config" : "stored",
                    k.fromConfig() ? "-" : k.createdAt()));
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a stored API key: signatures by it are refused from now on.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand KeysCommand keys;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SECRET_ID") String secretId;

        @Override
        public Integer call() {
            boolean revoked = keys.withServices(s -> {
                if (s.keys().find(secretId).filter(ApiKey::fromConfig).isPresent()) {
                    throw new OpenVodException(CommonError.INVALID_ARGUMENT,
                            secretId + " comes from the configuration file; remove it there");
                }
                return s.keys().revoke(secretId);
            });
            if (!revoked) {
                throw new OpenVodException(CommonError.NOT_FOUND, "no active stored key " + secretId);
            }
            spec.commandLine().getOut().println("revoked " + secretId);
            return 0;
        }
    }

    @Command(name = "add-app", description = "Register an application (SubAppId) of an account; signatures may then name it as vodSubAppId.")
    static final class AddApp implements Callable<Integer> {
        @ParentCommand KeysCommand keys;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SUB_APP_ID") long subAppId;
        @Option(names = "--app-id", description = "The account's AppId (default: platform.account.appId).") Long appId;
        @Option(names = "--name", description = "A label.", defaultValue = "app") String name;

        @Override
        public Integer call() {
            long account = appId != null ? appId : keys.root.config().platform().account().appId();
            if (subAppId < 1 || subAppId > Integer.MAX_VALUE) {
                throw new OpenVodException(CommonError.INVALID_ARGUMENT, "SUB_APP_ID must be within 1..2147483647");
            }
            try {
                keys.withServices(s -> {
                    s.keys().addApp(account, subAppId, name);
                    return null;
                });
            } catch (IllegalArgumentException e) {
                throw new OpenVodException(CommonError.INVALID_ARGUMENT, e.getMessage());
            }
            spec.commandLine().getOut().println("application " + subAppId + " belongs to account " + account);
            return 0;
        }
    }
}
