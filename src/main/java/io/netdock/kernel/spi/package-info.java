/**
 * The low-level kernel verbs netdock's bridge driver is written against, named after rtnetlink
 * ({@code createLink}, {@code deleteLink}, {@code addAddress}, {@code addRoute}, {@code setLink}, dumps) plus
 * namespaces, sysctls and an atomic firewall batch. Two implementations: {@code kernel.simulated} (an in-memory
 * model of the kernel) and {@code kernel.linux} (rtnetlink, setns and libnftables through JNA). Every failure is a
 * {@link io.netdock.kernel.KernelException} carrying the errno the real kernel would give.
 */
package io.netdock.kernel.spi;
