package io.netdock.container;

import io.netdock.image.ImageUsers;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the image module which containers were created from an image ({@code docker rmi} refuses those). */
@Component
class ContainerImageUsers implements ImageUsers {

    private final Containers containers;

    ContainerImageUsers(Containers containers) {
        this.containers = containers;
    }

    @Override
    public List<String> containersUsing(String imageId) {
        return containers.unordered().stream().filter(c -> imageId.equals(c.imageId())).map(Container::id).toList();
    }
}
