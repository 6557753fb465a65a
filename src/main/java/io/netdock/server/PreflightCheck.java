package io.netdock.server;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * A feature's own check of the configuration, run as soon as the environment is ready: after logging is set up
 * (so {@code --debug} applies), before {@link ConfigurationCheck} logs what this netdock is, and before anything
 * is created on disk. It refuses with {@link StartupRefused}, which prints one line. Subclasses are listed under
 * {@code ApplicationListener} in {@code META-INF/spring.factories}.
 */
public abstract class PreflightCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public final int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public final void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(Binder.get(event.getEnvironment()));
    }

    /** Throws {@link StartupRefused} when netdock must not start with these settings. */
    protected abstract void check(Binder settings);
}
