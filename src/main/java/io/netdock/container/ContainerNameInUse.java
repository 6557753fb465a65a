package io.netdock.container;

import io.netdock.error.DockerError;
import io.netdock.error.ErrorCategory;

/** Another container already has the name (409, Docker's wording). */
public class ContainerNameInUse extends DockerError {

    public ContainerNameInUse(String name, String holderId) {
        super(ErrorCategory.CONFLICT, "Conflict. The container name \"/" + name + "\" is already in use by container \""
                + holderId + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
}
