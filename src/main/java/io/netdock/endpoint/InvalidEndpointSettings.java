package io.netdock.endpoint;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;
import java.util.List;

/** Docker 25+'s endpoint validation error: {@code invalid endpoint settings:\n<reason>} (several: {@code * } list). */
public class InvalidEndpointSettings extends DockerError {

    public InvalidEndpointSettings(List<String> reasons) {
        super(ErrorCategory.INVALID_PARAMETER, "invalid endpoint settings:\n" + (reasons.size() == 1 ? reasons.get(0)
                : "* " + String.join("\n* ", reasons)));
    }
}
