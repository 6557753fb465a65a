package io.netdock.dns;

/** How a query reached a listener: UDP replies are truncated to the client's size, TCP replies never. */
public enum Transport {
    UDP, TCP
}
