package io.netdock.endpoint;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/**
 * The kernel refused a container's endpoint (its veth pair, addresses or routes). Docker's wording (500):
 * {@code failed to create endpoint CONTAINER on network NETWORK: DETAIL}.
 */
public class EndpointCreationFailed extends DockerError {

    public EndpointCreationFailed(String containerName, String networkName, String detail) {
        super(ErrorCategory.SYSTEM, "failed to create endpoint " + containerName + " on network " + networkName + ": "
                + detail);
    }
}
