package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** No network has that full ID, name or unique ID prefix. */
public class NetworkNotFound extends DockerError {

    public NetworkNotFound(String idOrName) {
        super(ErrorCategory.NOT_FOUND, "network " + idOrName + " not found");
    }
}
