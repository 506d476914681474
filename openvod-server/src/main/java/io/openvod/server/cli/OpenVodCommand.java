package io.openvod.server.cli;

import io.openvod.core.ErrorKind;
import io.openvod.core.OpenVodException;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.logging.Logging;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code openvod}: the root command. Global options are accepted before or after a subcommand;
 * {@code -h}/{@code --help} is one of them, so every command prints its own usage, and
 * {@code openvod help COMMAND [SUBCOMMAND…]} prints the same ({@link HelpCommand}).
 */
@Command(name = "openvod",
        versionProvider = VersionProvider.class,
        description = "OpenVOD: self-hosted, Tencent-VOD-compatible upload from client.",
        subcommands = {DevCommand.class, AppCommand.class, PlatformCommand.class, KeysCommand.class, EventsCommand.class, TasksCommand.class, MediaCommand.class, UploadCommand.class, UsersCommand.class, TraceCommand.class, SignatureCommand.class, ConfigCommand.class, HelpCommand.class},
        footer = {"", "The ./openvod launcher also offers: test (run the whole test suite), build (rebuild the jar)."})
public final class OpenVodCommand {

    /** Every command and subcommand answers {@code -h}/{@code --help} with its own usage. */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: $OPENVOD_CONFIG, else ./openvod.yaml if present).")
    Path configFile;

    @Option(names = "--set", paramLabel = "PATH=VALUE", scope = ScopeType.INHERIT,
            description = "Override one configuration key, e.g. --set logging.level=debug. Repeatable.")
    List<String> overrides = new ArrayList<>();

    private final Map<String, String> environment;
    private final InputStream stdin;
    private OpenVodConfig config;

    OpenVodCommand(Map<String, String> environment, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
    }

    /** A ready command line with OpenVOD's error handling and exit statuses. */
    public static CommandLine commandLine(Map<String, String> environment, InputStream stdin) {
        CommandLine cli = new CommandLine(new OpenVodCommand(environment, stdin));
        HelpLayout.install(cli);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof OpenVodException ove) {
                commandLine.getErr().println("error: " + ove.errorCode().code() + ": " + ove.getMessage());
                return ove.errorCode().kind().exitStatus();
            }
            LoggerFactory.getLogger(OpenVodCommand.class).error("unexpected failure", ex);
            commandLine.getErr().println("error: INTERNAL: " + ex);
            return ErrorKind.INTERNAL.exitStatus();
        });
        return cli;
    }

    /** The configuration, loaded once on first use; logging follows it from then on. */
    OpenVodConfig config() {
        if (config == null) {
            ConfigSources sources = ConfigSources.resolve(configFile, Path.of("").toAbsolutePath(), environment, overrides);
            config = new ConfigLoader().load(sources);
            Logging.apply(config.logging());
        }
        return config;
    }

    /** Runs {@code action} on the platform's database and keys (administration commands), then closes them. */
    <T> T withPlatformAdmin(java.util.function.Function<io.openvod.server.platform.PlatformServices, T> action) {
        OpenVodConfig loaded = config();
        try (io.openvod.server.platform.PlatformServices services = io.openvod.server.platform.PlatformServices.openForAdmin(
                loaded.platform(), loaded.keys(), java.time.Clock.systemUTC())) {
            return action.apply(services);
        }
    }

    Map<String, String> environment() {
        return environment;
    }

    InputStream stdin() {
        return stdin;
    }
}
