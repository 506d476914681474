package io.openvod.server.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * How every command's help is laid out: {@value #WIDTH} columns, lines broken at spaces only.
 * Picocli breaks wherever {@link java.text.BreakIterator} allows, which includes the dots and
 * slashes inside paths, URLs and configuration keys ({@code ./openvod.yaml}, {@code logging.level},
 * {@code http://127.0.0.1:8082}); a user who copies them from the help would copy them broken. So
 * picocli renders each section on one line per paragraph or row, and this class wraps it again:
 * a row of the option, parameter and command lists continues under its description, indented by
 * two; the synopsis continues after the command's name; other text continues at its own indent.
 */
final class HelpLayout {
    static final int WIDTH = 80;
    private static final int UNWRAPPED = 10_000;
    private static final Pattern WORD = Pattern.compile("( *)([^ ]+)");
    private static final Pattern ROW = Pattern.compile("^( +\\S.*?  +)\\S");
    private static final List<String> LISTS = List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS);

    private HelpLayout() {
    }

    /** Lays out the help of {@code root} and of every subcommand below it. */
    static void install(CommandLine root) {
        root.setUsageHelpWidth(UNWRAPPED);
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(root.getHelpSectionMap());
        sections.replaceAll((key, renderer) -> help -> wrap(key, renderer.render(help), help.commandSpec().qualifiedName()));
        root.setHelpSectionMap(sections);
    }

    private static String wrap(String key, String text, String commandName) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            if (key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
                // The synopsis follows its heading, "Usage: ", on the same line.
                int heading = "Usage: ".length();
                out.append(wrapLine(line, heading, heading + commandName.length() + 1));
            } else {
                out.append(wrapLine(line, 0, continuation(key, line)));
            }
        }
        return out.toString();
    }

    /** Where a line's continuations start. */
    private static int continuation(String key, String line) {
        int leading = line.length() - line.stripLeading().length();
        if (!LISTS.contains(key)) {
            return leading;
        }
        Matcher row = ROW.matcher(line);
        return (row.find() ? row.end() - 1 : leading) + 2;
    }

    /**
     * Breaks {@code line}, which starts {@code offset} columns into the screen, at spaces into lines
     * of at most {@link #WIDTH} columns where its words allow; continuations start at {@code indent}.
     */
    static String wrapLine(String line, int offset, int indent) {
        if (offset + line.length() <= WIDTH) {
            return line;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = offset;
        Matcher word = WORD.matcher(line);
        while (word.find()) {
            String space = word.group(1);
            String text = word.group(2);
            boolean first = current.isEmpty() || current.toString().isBlank();
            if (!first && start + current.length() + space.length() + text.length() > WIDTH) {
                lines.add(current.toString());
                current = new StringBuilder(" ".repeat(indent)).append(text);
                start = 0;
            } else {
                current.append(space).append(text);
            }
        }
        lines.add(current.toString());
        return String.join("\n", lines);
    }
}
