package io.netdock.portmap;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/**
 * A requested host port is taken. Docker 28.0.1+'s wording (500):
 * {@code failed to set up container networking: driver failed programming external connectivity on endpoint
 * NAME (ID): Bind for 0.0.0.0:N failed: port is already allocated}.
 */
public class PortAlreadyAllocated extends DockerError {

    public PortAlreadyAllocated(String endpoint, String detail) {
        super(ErrorCategory.SYSTEM, "failed to set up container networking: driver failed programming external "
                + "connectivity on endpoint " + endpoint + ": " + detail);
    }
}
