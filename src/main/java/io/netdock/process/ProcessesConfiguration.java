package io.netdock.process;

import io.netdock.kernel.KernelProperties;
import io.netdock.server.StartupRefused;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refuses {@code netdock.processes=host} unless the kernel is real: a simulated sandbox has nothing to run in. */
@Configuration(proxyBeanMethods = false)
class ProcessesConfiguration {

    @Bean
    ProcessMode processMode(ProcessProperties processes, KernelProperties kernel) {
        refuseWithoutLinuxMode(processes.processes(), kernel.mode());
        return new ProcessMode(processes.enabled());
    }

    /** The rule, checked before anything is created ({@link ProcessesPrerequisites}) and again here. */
    static void refuseWithoutLinuxMode(ProcessProperties.Processes processes, KernelProperties.Mode mode) {
        if (processes == ProcessProperties.Processes.HOST && mode != KernelProperties.Mode.LINUX) {
            throw new StartupRefused("netdock.processes=host needs netdock.kernel.mode=linux (a simulated sandbox "
                    + "has no namespace to run a process in)",
                    "Add --netdock.kernel.mode=linux (as root), or leave netdock.processes=none.");
        }
    }
}
