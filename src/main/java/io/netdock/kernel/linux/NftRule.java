package io.netdock.kernel.linux;

/** A rule of netdock's nftables table, as the kernel identifies it: chain and handle, with its comment. */
record NftRule(String chain, String comment, long handle) {
}
