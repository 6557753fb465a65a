package io.netdock.kernel.wiring;

import io.netdock.server.PreflightCheck;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Refuses linux mode without its privileges before anything starts or is created on disk (the database, the
 * socket, the host namespace), as {@code io.netdock.server.ConfigurationCheck} does for the other settings; the
 * kernel bean checks again for applications started without this listener.
 */
class LinuxModePrerequisites extends PreflightCheck {

    @Override
    protected void check(Binder settings) {
        String mode = settings.bind("netdock.kernel.mode", String.class).orElse("");
        if (mode.equalsIgnoreCase("linux")) {
            KernelConfiguration.refuseLinuxModeWithoutPrerequisites();
        }
    }
}
