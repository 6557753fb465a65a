package io.netdock.portmap;

/**
 * A requested host port is taken: {@code ...on endpoint NAME (ID): Bind for 0.0.0.0:N failed: port is already
 * allocated} (see {@link PortForwardingFailed}).
 */
public class PortAlreadyAllocated extends PortForwardingFailed {

    public PortAlreadyAllocated(String endpoint, String detail) {
        super(endpoint, detail);
    }
}
