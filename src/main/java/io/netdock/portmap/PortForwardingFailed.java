package io.netdock.portmap;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/**
 * A container's ports could not be published. Docker 28.0.1+'s wording (500):
 * {@code failed to set up container networking: driver failed programming external connectivity on endpoint
 * NAME (ID): DETAIL}.
 */
public class PortForwardingFailed extends DockerError {

    /** @param endpoint {@code NAME (ENDPOINT-ID)} */
    public PortForwardingFailed(String endpoint, String detail) {
        super(ErrorCategory.SYSTEM, "failed to set up container networking: driver failed programming external "
                + "connectivity on endpoint " + endpoint + ": " + detail);
    }
}
