package io.netdock.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting netdock reads: the {@code netdock.*} ones of its {@code @ConfigurationProperties} records and
 * the Spring ones it documents, from the configuration metadata on the class path.
 */
public final class Settings {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final Pattern JAVADOC_TAG = Pattern.compile("\\{@(?:code|link|literal) ([^}]*)}");
    private static final Pattern INDEX = Pattern.compile("\\[[^]]*]");

    private final List<Setting> all;
    private final Map<String, String> groups;

    private Settings(List<Setting> all, Map<String, String> groups) {
        this.all = List.copyOf(all);
        this.groups = Collections.unmodifiableMap(groups);
    }

    /** The catalogue of every metadata file the class loader sees that names a netdock setting. */
    public static Settings load(ClassLoader classLoader) {
        Map<String, Setting> byName = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        try {
            Enumeration<URL> resources = classLoader.getResources(METADATA);
            JsonMapper json = JsonMapper.builder().build();
            while (resources.hasMoreElements()) {
                byte[] text;
                try (InputStream in = resources.nextElement().openStream()) {
                    text = in.readAllBytes();
                }
                if (!mentionsNetdock(text)) {
                    continue;   // Spring's own catalogues (~240 kB of JSON) are not parsed at every start
                }
                JsonNode metadata = json.readTree(text);
                if (!namesNetdock(metadata)) {
                    continue;
                }
                for (JsonNode group : metadata.path("groups")) {
                    if (group.path("name").asString().startsWith("netdock")) {
                        groups.put(group.path("type").asString(), group.path("name").asString());
                    }
                }
                for (JsonNode property : metadata.path("properties")) {
                    Setting setting = setting(property, classLoader);
                    byName.putIfAbsent(setting.name(), setting);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + METADATA + ": " + e.getMessage(), e);
        }
        return new Settings(new ArrayList<>(byName.values()), groups);
    }

    /** The settings, {@code netdock.*} first, each group in name order. */
    public List<Setting> all() {
        List<Setting> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((Setting s) -> !s.name().startsWith("netdock.")).thenComparing(Setting::name));
        return sorted;
    }

    /** The {@code @ConfigurationProperties} types that bind {@code netdock.*}, each with its prefix. */
    public Map<String, String> propertyTypes() {
        return groups;
    }

    /**
     * Whether {@code name} is a setting or a key inside one (an index of a list, a field of a listed object), in
     * any of the spellings Spring binds alike ({@code netdock.state-dir}, {@code netdock.stateDir}).
     */
    public boolean knows(String name) {
        String plain = uniform(INDEX.matcher(name).replaceAll(""));
        for (Setting setting : all) {
            String known = uniform(setting.name());
            if (plain.equals(known) || (setting.hasNestedKeys() && plain.startsWith(known + "."))) {
                return true;
            }
        }
        return false;
    }

    /** The setting called {@code name}, if there is one. */
    public Optional<Setting> named(String name) {
        return all.stream().filter(setting -> setting.name().equals(name)).findFirst();
    }

    /** The setting whose name is closest to a mistyped one, if any is close enough to be what was meant. */
    public Optional<String> closestTo(String name) {
        String plain = INDEX.matcher(name).replaceAll("");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting setting : all) {
            int distance = EditDistance.between(plain, setting.name());
            if (distance < bestDistance) {
                best = setting.name();
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, plain.length() / 4);
        return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    private static String uniform(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Whether the file's text has a {@code "netdock.} anywhere: without one, no property in it can be netdock's. */
    private static boolean mentionsNetdock(byte[] text) {
        return new String(text, StandardCharsets.ISO_8859_1).contains("\"netdock.");
    }

    private static boolean namesNetdock(JsonNode metadata) {
        for (JsonNode property : metadata.path("properties")) {
            if (property.path("name").asString().startsWith("netdock.")) {
                return true;
            }
        }
        return false;
    }

    private static Setting setting(JsonNode property, ClassLoader classLoader) {
        String type = property.path("type").asString();
        JsonNode defaultValue = property.path("defaultValue");
        return new Setting(property.path("name").asString(), type, defaultText(defaultValue),
                plainText(property.path("description").asString()), enumValues(type, classLoader));
    }

    private static String defaultText(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return String.join(",", items);
        }
        return value.asString();
    }

    private static String plainText(String javadoc) {
        return JAVADOC_TAG.matcher(javadoc).replaceAll("$1").replaceAll("\\s+", " ").trim();
    }

    private static List<String> enumValues(String type, ClassLoader classLoader) {
        if (type.isEmpty() || type.contains("<") || type.startsWith("java.")) {
            return List.of();
        }
        try {
            Class<?> bound = Class.forName(type, false, classLoader);
            if (!bound.isEnum()) {
                return List.of();
            }
            return Arrays.stream(bound.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toList();
        } catch (ClassNotFoundException | LinkageError notHere) {
            return List.of();
        }
    }
}
