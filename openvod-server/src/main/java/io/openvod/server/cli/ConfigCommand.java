package io.openvod.server.cli;

import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigPrinter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openvod config show|env}: what the configuration is and how to change it. */
@Command(name = "config", description = "Show the effective configuration (secrets redacted) or its variables.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Env.class})
final class ConfigCommand {
    @ParentCommand
    OpenVodCommand root;

    @Command(name = "show", description = "Print the effective configuration as YAML; secrets print as ****.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(ConfigPrinter.toYaml(parent.root.config()));
            return 0;
        }
    }

    @Command(name = "env", description = "List the OPENVOD_* environment variables and the keys they set.")
    static final class Env implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            for (Map.Entry<String, String> e : new ConfigLoader().environmentVariables().entrySet()) {
                spec.commandLine().getOut().printf("%-34s %s%n", e.getKey(), e.getValue());
            }
            return 0;
        }
    }
}
