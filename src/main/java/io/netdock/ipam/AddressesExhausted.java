package io.netdock.ipam;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** Every address of a network's ranges (of one family) is leased; Docker's {@code ErrNoAvailableIPs}. */
public class AddressesExhausted extends DockerError {

    public AddressesExhausted() {
        super(ErrorCategory.UNAVAILABLE, "no available addresses on this pool");
    }
}
