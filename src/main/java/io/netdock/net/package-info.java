/**
 * IP addresses as text, once: the strict parser ({@code net.ParseIP}'s grammar) and the RFC 5952 printer that
 * {@code ipam}, {@code kernel}, {@code dnsfiles} and the features share. No Spring, no I/O, no DNS; depends on
 * nothing of netdock's.
 */
package io.netdock.net;
