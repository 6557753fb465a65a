package io.netdock.testing;

import io.netdock.kernel.linux.Capabilities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables {@link RealKernel} tests where the kernel may be used; a skip is a failure when CI requires them. */
public class RealKernelCondition implements ExecutionCondition {

    static final String REQUIRE = "NETDOCK_REQUIRE_KERNEL_TESTS";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("root with CAP_NET_ADMIN, CAP_SYS_ADMIN, libnftables and ip");
        }
        if ("1".equals(System.getenv(REQUIRE))) {
            throw new IllegalStateException(REQUIRE + "=1 but the kernel tests cannot run: " + missing.get());
        }
        return ConditionEvaluationResult.disabled("kernel tests skipped: " + missing.get());
    }

    static Optional<String> missing() {
        Optional<String> linuxMode = Capabilities.missingForLinuxMode();
        if (linuxMode.isPresent()) {
            return linuxMode;
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
                && !Files.isExecutable(Path.of("/usr/bin/ip"))) {
            return Optional.of("iproute2's ip is not installed (the tests create their throwaway namespaces with it)");
        }
        return Optional.empty();
    }
}
