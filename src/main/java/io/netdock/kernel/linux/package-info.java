/**
 * Linux mode: the kernel verbs of {@link io.netdock.kernel.spi} on the real kernel, through JNA: rtnetlink over
 * {@code NETLINK_ROUTE} sockets (libc {@code socket/bind/sendto/recvmsg}), network namespaces bind-mounted like
 * {@code ip netns add} and entered only on one dedicated platform thread, sysctls, and nftables through
 * {@code libnftables.so.1}. The only package that imports {@code com.sun.jna}.
 */
package io.netdock.kernel.linux;
