package io.netdock.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The catalogue behind {@code --help} and the unknown-name check holds every setting the code binds, each with a
 * meaning, so neither can drift from the {@code @ConfigurationProperties} records.
 */
class SettingsTest {

    private static final Settings SETTINGS = Settings.load(SettingsTest.class.getClassLoader());

    @Test
    void everyPropertyBoundInCodeIsListedWithItsMeaning() throws Exception {
        List<String> bound = boundInCode();
        assertThat(bound).contains("netdock.state-dir", "netdock.kernel.mode", "netdock.ports.range");
        for (String name : bound) {
            assertThat(SETTINGS.named(name)).as("%s is in the catalogue", name).isPresent();
            assertThat(SETTINGS.named(name).orElseThrow().description())
                    .as("%s has a meaning: give its record component an @param", name).isNotBlank();
        }
    }

    @Test
    void everyNetdockNameInApplicationPropertiesIsASetting() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = SettingsTest.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        defaults.stringPropertyNames().stream().filter(name -> name.startsWith("netdock."))
                .forEach(name -> assertThat(SETTINGS.knows(name)).as(name).isTrue());
    }

    @Test
    void theReadmeDocumentsEveryNetdockSetting() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting setting : SETTINGS.all()) {
            if (setting.name().startsWith("netdock.")) {
                assertThat(readme).as("README's Configuration table names %s", setting.name())
                        .contains("`" + setting.name());
            }
        }
    }

    @Test
    void helpListsEverySettingWithItsDefault() {
        String help = SettingsHelp.render(SETTINGS);
        for (Setting setting : SETTINGS.all()) {
            assertThat(help).contains("--" + setting.name() + "=");
        }
        assertThat(help).contains("--netdock.kernel.mode=simulated|linux\n      default: simulated\n")
                .contains("--netdock.state-dir=<path>\n      default: ./netdock-data\n")
                .contains("--server.port=<number>\n      default: 2375, or 2376 with TLS\n")
                .doesNotContain("{@code");
        assertThat(SettingsHelp.requested("--server.port=1", "--help")).isTrue();
        assertThat(SettingsHelp.requested("-h")).isTrue();
        assertThat(SettingsHelp.requested("--netdock.kernel.mode=linux")).isFalse();
    }

    @Test
    void knowsEverySpellingSpringBindsAndTheKeysInsideListedObjects() {
        assertThat(SETTINGS.knows("netdock.state-dir")).isTrue();
        assertThat(SETTINGS.knows("netdock.stateDir")).isTrue();
        assertThat(SETTINGS.knows("netdock.dns[0]")).isTrue();
        assertThat(SETTINGS.knows("netdock.default-address-pools[0].base")).isTrue();
        assertThat(SETTINGS.knows("netdock.kernel.mod")).isFalse();
        assertThat(SETTINGS.knows("netdock.kernel")).isFalse();
        assertThat(SETTINGS.knows("netdock.dns.x")).as("a list of strings has no fields").isFalse();
    }

    @Test
    void suggestsTheSettingAMistypedNameMeant() {
        assertThat(SETTINGS.closestTo("netdock.kernel.mod")).contains("netdock.kernel.mode");
        assertThat(SETTINGS.closestTo("netdock.statedir")).contains("netdock.state-dir");
        assertThat(SETTINGS.closestTo("netdock.port.range")).contains("netdock.ports.range");
        assertThat(SETTINGS.closestTo("netdock.something-else-entirely")).isEmpty();
    }

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("mode", "mode")).isZero();
    }

    private static List<String> boundInCode() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> names = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.netdock")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            if (prefix.isEmpty()) {
                prefix = type.getAnnotation(ConfigurationProperties.class).prefix();
            }
            assertThat(type.isRecord()).as("%s is a record", type).isTrue();
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
            }
        }
        return names;
    }
}
