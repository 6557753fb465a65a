package io.netdock.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The text of {@code --help}: every setting with its default and meaning, wrapped for a terminal. */
public final class SettingsHelp {

    private static final Set<String> FLAGS = Set.of("--help", "-h");
    private static final int WIDTH = 100;
    private static final String INDENT = "      ";

    private SettingsHelp() {
    }

    /** Whether the command line asks for this text instead of a start. */
    public static boolean requested(String... args) {
        for (String arg : args) {
            if (FLAGS.contains(arg)) {
                return true;
            }
        }
        return false;
    }

    public static String render(Settings settings) {
        StringBuilder text = new StringBuilder();
        text.append("""
                Settings of netdock. Give them as --name=value (--netdock.kernel.mode=linux), or as environment
                variables (NETDOCK_KERNEL_MODE=linux, SERVER_PORT=2376). A netdock.* name netdock does not know
                stops the start. --debug shows the stack trace of a refused start.

                """);
        for (Setting setting : settings.all()) {
            text.append("  --").append(setting.name()).append('=').append(placeholder(setting)).append('\n');
            String defaultValue = setting.defaultValue().isEmpty() ? "(none)" : setting.defaultValue();
            text.append(INDENT).append("default: ").append(defaultValue).append('\n');
            for (String line : wrap(setting.description())) {
                text.append(INDENT).append(line).append('\n');
            }
        }
        return text.toString();
    }

    private static String placeholder(Setting setting) {
        if (!setting.values().isEmpty()) {
            return String.join("|", setting.values());
        }
        String type = setting.type();
        if (type.equals("java.lang.Boolean") || type.equals("boolean")) {
            return "true|false";
        }
        if (type.startsWith("java.util.List")) {
            return setting.hasNestedKeys() ? "..." : "<value>,<value>";
        }
        if (type.endsWith("Integer") || type.equals("int")) {
            return "<number>";
        }
        if (type.endsWith("Path")) {
            return "<path>";
        }
        if (type.endsWith("DataSize")) {
            return "<size>";
        }
        return "<value>";
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && INDENT.length() + line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
