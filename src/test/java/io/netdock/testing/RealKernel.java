package io.netdock.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@code *KernelIT}: it needs root's CAP_NET_ADMIN and CAP_SYS_ADMIN, libnftables and iproute2. Skipped
 * with the reason where they are missing, unless {@code NETDOCK_REQUIRE_KERNEL_TESTS=1} (CI), where a skip fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealKernelCondition.class)
public @interface RealKernel {
}
