package io.netdock.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one list of accepted differences from Docker's schemas: {@code src/test/resources/docker-schema-allowlist.txt},
 * one regular expression per line matched against a mismatch line, then {@code  # reason} (required).
 */
public final class SchemaAllowList {

    private record Entry(Pattern pattern, String reason) {
    }

    private static final List<Entry> ENTRIES = load();

    private SchemaAllowList() {
    }

    public static List<String> unexplained(List<String> mismatches) {
        return mismatches.stream()
                .filter(mismatch -> ENTRIES.stream().noneMatch(entry -> entry.pattern().matcher(mismatch).find()))
                .toList();
    }

    private static List<Entry> load() {
        try (InputStream in = SchemaAllowList.class.getResourceAsStream("/docker-schema-allowlist.txt")) {
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int hash = line.indexOf("  # ");
                if (hash < 0 || line.substring(hash + 4).isBlank()) {
                    throw new IllegalStateException("allow-list line without a reason: " + line);
                }
                entries.add(new Entry(Pattern.compile(line.substring(0, hash).trim()), line.substring(hash + 4).trim()));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
