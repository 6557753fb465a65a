package io.netdock.container;

import java.util.List;

/** The answer to a create: the new container and Docker's {@code Warnings}. */
public record CreatedContainer(Container container, List<String> warnings) {
}
