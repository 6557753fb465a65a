package io.netdock.process;

import io.netdock.kernel.KernelProperties;
import io.netdock.server.PreflightCheck;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Refuses {@code netdock.processes=host} without linux mode before anything starts or is created on disk (the
 * state directory, the database, the socket), in the one line every refusal has. A value that does not bind is
 * left to {@code io.netdock.server.ConfigurationCheck}, which names it; {@link ProcessesConfiguration} checks again
 * for applications started without this listener.
 */
class ProcessesPrerequisites extends PreflightCheck {

    @Override
    protected void check(Binder settings) {
        Optional<ProcessProperties.Processes> processes = bound(settings, "netdock.processes",
                ProcessProperties.Processes.class, ProcessProperties.Processes.NONE);
        Optional<KernelProperties.Mode> mode = bound(settings, "netdock.kernel.mode", KernelProperties.Mode.class,
                KernelProperties.Mode.SIMULATED);
        if (processes.isPresent() && mode.isPresent()) {
            ProcessesConfiguration.refuseWithoutLinuxMode(processes.get(), mode.get());
        }
    }

    /** The setting's value, its default when unset, or empty when it does not bind (reported elsewhere). */
    private static <T> Optional<T> bound(Binder settings, String name, Class<T> type, T otherwise) {
        try {
            return Optional.of(settings.bind(name, type).orElse(otherwise));
        } catch (BindException notAValue) {
            return Optional.empty();
        }
    }
}
