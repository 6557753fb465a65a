package io.netdock.ipam;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** A requested address is already leased, or is a gateway, auxiliary, network or broadcast address. */
public class AddressInUse extends DockerError {

    public AddressInUse() {
        super(ErrorCategory.FORBIDDEN, "Address already in use");
    }
}
