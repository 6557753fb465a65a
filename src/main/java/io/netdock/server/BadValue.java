package io.netdock.server;

import io.netdock.settings.Setting;
import io.netdock.settings.Settings;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/** A setting whose value does not convert to its type, said in one sentence with what it takes instead. */
final class BadValue {

    private BadValue() {
    }

    static StartupRefused refusal(BindException failure, Settings settings) {
        ConfigurationProperty property = failure.getProperty();
        String name = property != null ? property.getName().toString() : failure.getName().toString();
        String value = property != null ? String.valueOf(property.getValue()) : "";
        Optional<Setting> setting = settings.named(name);
        String accepted = setting.filter(s -> !s.values().isEmpty())
                .map(s -> "Give " + name + " one of: " + String.join(", ", s.values()) + ".")
                .orElse("Give " + name + " a value of the kind scripts/netdock --help shows"
                        + setting.filter(s -> !s.defaultValue().isEmpty())
                                .map(s -> " (default " + s.defaultValue() + ")").orElse("") + ".");
        String problem = setting.filter(s -> !s.values().isEmpty()).isPresent() ? "" : ": " + reason(failure);
        return new StartupRefused(name + "=" + value + " is not a valid value" + problem, accepted, failure);
    }

    /** The innermost message, which names what could not be converted, without Java class names. */
    private static String reason(Throwable failure) {
        String reason = failure.getMessage();
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return reason.replaceAll("\\b(?:[a-z]+\\.)+([A-Z]\\w*)(?:\\$\\w+)*", "$1");
    }
}
