package io.netdock.server;

import io.netdock.settings.Setting;
import io.netdock.settings.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Accepts or refuses the configuration before anything starts or is created on disk: every {@code netdock.*}
 * name must be a setting (a typo gets "did you mean"), every setting must bind to its type and pass its record's
 * own checks, the TCP port must be a port and free, the state directory writable, the socket's group must exist
 * and the socket must not be a live daemon's. Then logs the one line that says what this netdock is: mode, socket, TCP address, database and
 * state directory. Runs right after logging is set up, so {@code --debug} applies to a refusal.
 */
public class ConfigurationCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationCheck.class);

    /**
     * Sources not checked for unknown names: the environment (NETDOCK_* also names the launcher's variables) and
     * JVM system properties (test and benchmark knobs such as -Dnetdock.load.operations live there).
     */
    private static final Set<String> UNCHECKED_SOURCES = Set.of(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 2;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Settings settings = Settings.load(event.getSpringApplication().getClassLoader());
        if (settings.all().isEmpty()) {
            log.debug("no configuration metadata on the class path; settings are not checked");
            return;
        }
        refuseUnknownNames(environment, settings);
        Binder binder = Binder.get(environment);
        Map<Class<?>, Object> bound = bindEveryRecord(binder, settings);
        bindEverySpringSetting(binder, settings);
        Integer port = binder.bind("server.port", Integer.class).orElse(null);
        TcpListener.refusePortOutOfRange(port);
        NetdockProperties netdock = (NetdockProperties) bound.get(NetdockProperties.class);
        TlsProperties tls = (TlsProperties) bound.get(TlsProperties.class);
        if (netdock == null || tls == null) {
            return;
        }
        StateDirectory.refuseUnwritable("netdock.state-dir", netdock.stateDirectory());
        StateDirectory.refuseUnwritable("netdock.socket", netdock.socketPath().getParent());
        UnixSocketListener.lookUpGroup(netdock.socketPath(), netdock.socketGroup());
        UnixSocketListener.refuseLiveSocket(netdock.socketPath());
        String address = environment.getProperty("server.address", "0.0.0.0");
        int tcpPort = TcpListener.portFor(port, tls.active());
        TcpListener.refusePortInUse(address, tcpPort);
        log.info(new StartupSummary(
                binder.bind("netdock.kernel.mode", String.class)
                        .orElse(settings.named("netdock.kernel.mode").map(Setting::defaultValue).orElse("?")),
                netdock.socketPath(), address, tcpPort,
                environment.getProperty("spring.datasource.url", ""),
                environment.getProperty("spring.datasource.username", ""),
                netdock.stateDirectory()).line());
    }

    private static void refuseUnknownNames(ConfigurableEnvironment environment, Settings settings) {
        Set<String> unknown = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getUnderlyingSource() instanceof PropertySource<?> propertySource
                    && UNCHECKED_SOURCES.contains(propertySource.getName())) {
                continue;
            }
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(ConfigurationCheck::isNetdockName).map(ConfigurationPropertyName::toString)
                        .filter(name -> !settings.knows(name)).forEach(unknown::add);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        String name = unknown.iterator().next();
        String others = unknown.size() > 1 ? " (and " + String.join(", ", List.copyOf(unknown).subList(1, unknown.size()))
                + ")" : "";
        String hint = settings.closestTo(name).map(closest -> "Did you mean " + closest + "? ").orElse("");
        throw new StartupRefused(name + " is not a netdock setting" + others,
                hint + "scripts/netdock --help lists every setting.");
    }

    private static boolean isNetdockName(ConfigurationPropertyName name) {
        return name.getNumberOfElements() > 1
                && name.getElement(0, ConfigurationPropertyName.Form.UNIFORM).equals("netdock");
    }

    /** Binds each {@code @ConfigurationProperties} record now, so its checks run before anything starts. */
    private static Map<Class<?>, Object> bindEveryRecord(Binder binder, Settings settings) {
        Map<Class<?>, Object> bound = new LinkedHashMap<>();
        settings.propertyTypes().forEach((typeName, prefix) -> {
            Class<?> type = classNamed(typeName);
            if (type != null) {
                bound.put(type, bind(settings, () -> binder.bindOrCreate(prefix, Bindable.of(type))));
            }
        });
        return bound;
    }

    private static void bindEverySpringSetting(Binder binder, Settings settings) {
        for (Setting setting : settings.all()) {
            Class<?> type = setting.name().startsWith("netdock.") ? null : classNamed(setting.type());
            if (type != null) {
                bind(settings, () -> binder.bind(setting.name(), Bindable.of(type)).orElse(null));
            }
        }
    }

    private static Object bind(Settings settings, Supplier<Object> binding) {
        try {
            return binding.get();
        } catch (BindException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof StartupRefused refused) {
                    throw refused;
                }
            }
            throw BadValue.refusal(failure, settings);
        }
    }

    private static Class<?> classNamed(String name) {
        if (name == null || name.isEmpty() || name.contains("<")) {
            return null;
        }
        try {
            return Class.forName(name, false, ConfigurationCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notHere) {
            return null;
        }
    }
}
