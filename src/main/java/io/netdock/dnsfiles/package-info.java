/**
 * Pure renderers of a container's {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname}, byte for
 * byte as Docker writes them. No Spring, no I/O: the caller passes everything (the host's files included) and gets
 * the file content back, so it can re-render whenever the container's networking changes.
 *
 * <p>Two {@link io.netdock.dnsfiles.Dialect dialects}: {@code DOCKER_28} (what current Docker writes; netdock's
 * default) and {@code DOCKER_20_10} (what the reference daemon writes; kept so the shared rules are checked
 * byte for byte against a real dockerd).
 */
package io.netdock.dnsfiles;
