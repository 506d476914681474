package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand of {@code openvod}, found by walking the command tree, answers
 * {@code --help} and {@code -h} with its own usage, as {@code openvod help COMMAND…} does, and
 * introduces itself with one complete short sentence (the line its parent's command list shows).
 */
class CommandHelpTest {
    private static final int SUMMARY_MAX = 100;

    /** The path of names to each command below the root, e.g. [events, secrets, rotate]. */
    private static List<List<String>> commandPaths() {
        CommandLine root = OpenVodCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        List<List<String>> paths = new ArrayList<>();
        walk(root, List.of(), paths, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths, Set<CommandLine> seen) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (seen.add(sub)) {
                List<String> subPath = Stream.concat(path.stream(), Stream.of(sub.getCommandName())).toList();
                paths.add(subPath);
                walk(sub, subPath, paths, seen);
            }
        }
    }

    private static String[] args(List<String> path, String... more) {
        return Stream.concat(path.stream(), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void theTreeHasEveryCommandAndSubcommand() {
        assertThat(commandPaths()).contains(List.of("dev"), List.of("upload", "sample"), List.of("tasks", "list"),
                List.of("events", "secrets", "rotate"), List.of("users", "token", "create"), List.of("help"));
    }

    @Test
    void everyCommandAnswersHelpAndHWithItsOwnUsage() {
        for (List<String> path : commandPaths()) {
            String usage = "Usage: openvod " + String.join(" ", path) + " ";
            for (String option : List.of("--help", "-h")) {
                CliRun run = CliRun.run(args(path, option));
                assertThat(run.status()).as(path + " " + option + ": " + run.err()).isZero();
                assertThat(run.err()).as(path + " " + option).isEmpty();
                assertThat(run.out()).as(path + " " + option).startsWith(usage);
            }
            CliRun help = CliRun.run(args(List.of("help"), path.toArray(String[]::new)));
            assertThat(help.status()).as("help " + path + ": " + help.err()).isZero();
            assertThat(help.out()).as("help " + path).isEqualTo(CliRun.run(args(path, "--help")).out());
        }
    }

    @Test
    void helpBreaksLinesAtSpacesOnlySoPathsKeysAndUrlsStayWhole() {
        CommandLine root = OpenVodCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        List<List<String>> paths = new ArrayList<>(commandPaths());
        paths.add(List.of());
        for (List<String> path : paths) {
            CommandLine command = root;
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            String usage = CliRun.run(args(path, "--help")).out();
            Set<String> printed = new java.util.HashSet<>(List.of(usage.split("\\s+")));
            List<String> written = new ArrayList<>(List.of(command.getCommandSpec().usageMessage().description()));
            command.getCommandSpec().options().forEach(o -> written.addAll(List.of(o.description())));
            command.getCommandSpec().positionalParameters().forEach(p -> written.addAll(List.of(p.description())));
            for (String token : String.join(" ", written).split("\\s+")) {
                if (!token.isEmpty() && !token.contains("${") && !token.contains("%")) {
                    assertThat(printed).as(path + "'s help keeps the word " + token + " on one line:\n" + usage).contains(token);
                }
            }
            for (String line : usage.split("\n")) {
                if (line.strip().contains(" ")) {
                    assertThat(line).as(path + "'s help line").hasSizeLessThanOrEqualTo(HelpLayout.WIDTH);
                }
            }
        }
        assertThat(CliRun.run("upload", "--help").out()).contains("~/.openvod/uploads", "http://127.0.0.1:8082", "./openvod.yaml",
                "logging.level=debug");
    }

    @Test
    void theRootAnswersHelpAndVersion() {
        assertThat(CliRun.run("--help").out()).startsWith("Usage: openvod ").contains("Commands:");
        assertThat(CliRun.run("help").out()).isEqualTo(CliRun.run("--help").out());
        assertThat(CliRun.run("--version").out()).startsWith("openvod ");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        CliRun run = CliRun.run("help", "tasks", "no-such-command");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown command 'tasks no-such-command'", "list", "show", "rerun");
    }

    @Test
    void everyCommandIntroducesItselfWithOneCompleteShortSentence() {
        CommandLine root = OpenVodCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        for (List<String> path : commandPaths()) {
            CommandLine command = root;
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            String[] description = command.getCommandSpec().usageMessage().description();
            assertThat(description).as(path + " has a description").isNotEmpty();
            assertThat(description[0]).as(path + "'s summary").endsWith(".").hasSizeLessThanOrEqualTo(SUMMARY_MAX);
        }
    }
}
