/**
 * Host processes for containers ({@code netdock.processes=host}, linux mode only): launching a command inside a
 * container's namespaces, its output (Docker's json-file log and live listeners), signals, freezer cgroup, and
 * reading {@code /proc}. Knows nothing of containers or HTTP: callers hand it a {@link io.netdock.process.ProcessSpec}.
 */
package io.netdock.process;
