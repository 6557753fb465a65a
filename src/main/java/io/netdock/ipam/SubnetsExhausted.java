package io.netdock.ipam;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** No default address pool has a subnet left that overlaps nothing in use (Docker 27.0+ wording). */
public class SubnetsExhausted extends DockerError {

    public SubnetsExhausted() {
        super(ErrorCategory.INVALID_PARAMETER, "all predefined address pools have been fully subnetted");
    }
}
