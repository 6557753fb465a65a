package io.netdock.container;

import io.netdock.store.LockPlan;
import io.netdock.store.ResourceLocks;
import io.netdock.store.StoreFeed;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A container another netdock sharing the database created, changed or removed: its row, endpoints and port bindings
 * are read again under the container's lock (so no operation of this process sees it change half-way), what this
 * process realised of it in its own kernel and the database no longer holds is taken away (a stop, a removal, a
 * disconnect through the other netdock; a process it ran for the container is killed), and whoever waits here for it to stop or go away is told.
 */
@Component
class ContainerChangesElsewhere {

    ContainerChangesElsewhere(StoreFeed feed, Containers containers, ContainerNetworking networking,
                              ContainerExits exits, ResourceLocks locks, ContainerProcesses processes) {
        feed.onChange(StoreFeed.CONTAINER, change -> locks.applying(LockPlan.container(change.subject()), () -> {
            String id = change.subject();
            Optional<Container> before = containers.byId(id);
            Optional<ContainerNetworking.Realised> realised = networking.realised(before);
            containers.reload(id);
            networking.reload(id);
            Optional<Container> after = containers.byId(id);
            if (before.isPresent() && processes.enabled() && processes.running(id).isPresent()
                    && !after.map(now -> now.isRunning()
                            && Objects.equals(now.state().process(), before.get().state().process())).orElse(false)) {
                processes.killAll(id); // its process ran here; the exit finds the container stopped already
            }
            realised.ifPresent(was -> networking.followChangeElsewhere(was, after));
            if (before.isPresent() && after.isEmpty()) {
                exits.removed(id, before.get().state().exitCode());
            } else if (before.isPresent() && before.get().isRunning() && !after.get().isRunning()) {
                exits.exited(id, after.get().state().exitCode());
            }
        }));
        feed.onChange(StoreFeed.EVERYTHING, change -> locks.applyingEverything(() -> {
            containers.reloadAll();
            networking.reloadAll();
        }));
    }
}
