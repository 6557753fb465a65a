package io.netdock.kernel.wiring;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Refuses linux mode without its privileges before anything starts or is created on disk (the database, the
 * socket, the host namespace), as {@code io.netdock.server.ConfigurationCheck} does for the other settings; the
 * kernel bean checks again for applications started without this listener.
 */
class LinuxModePrerequisites implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String mode = Binder.get(event.getEnvironment()).bind("netdock.kernel.mode", String.class).orElse("");
        if (mode.equalsIgnoreCase("linux")) {
            KernelConfiguration.refuseLinuxModeWithoutPrerequisites();
        }
    }
}
