package io.netdock.dns;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** The container has no embedded DNS server to ask (409): it is not running, or on no user-defined network. */
public class ResolverNotRunning extends DockerError {

    ResolverNotRunning(String reference, String why) {
        super(ErrorCategory.CONFLICT, "container " + reference + " has no embedded DNS server: " + why);
    }
}
