package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/**
 * A start failed in the kernel (sandbox, endpoint). Docker 28.0.1+ prefixes every networking failure of a start
 * (500): {@code failed to set up container networking: DETAIL}.
 */
class ContainerNetworkingFailed extends DockerError {

    ContainerNetworkingFailed(String detail) {
        super(ErrorCategory.SYSTEM, "failed to set up container networking: " + detail);
    }
}
