package io.netdock.network;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/**
 * A reference matches several networks by ID prefix. Docker words it differently for inspect
 * ({@code 2 matches found based on ID prefix: network 6 is ambiguous}) and for delete
 * ({@code network 6 is ambiguous (2 matches found based on ID prefix)}).
 */
public class AmbiguousNetwork extends DockerError {

    public enum Wording { INSPECT, DELETE }

    public AmbiguousNetwork(String reference, int matches, Wording wording) {
        super(ErrorCategory.INVALID_PARAMETER, wording == Wording.INSPECT
                ? matches + " matches found based on ID prefix: network " + reference + " is ambiguous"
                : "network " + reference + " is ambiguous (" + matches + " matches found based on ID prefix)");
    }
}
