package io.netdock.kernel;

/**
 * A network's bridge name belongs to an interface netdock did not create: one that is not a bridge (dockerd's
 * {@code existing interface lo is not a bridge}), or someone else's bridge, which netdock does not take over (it
 * would delete it with the network).
 */
public class InterfaceNameTaken extends KernelObjectExists {

    private final boolean bridge;

    public InterfaceNameTaken(String name, boolean bridge) {
        super(bridge ? "existing bridge " + name + " was not created by netdock; choose another bridge name"
                : "existing interface " + name + " is not a bridge");
        this.bridge = bridge;
    }

    /** Whether the interface is a bridge (then it is another's, not a different kind of link). */
    public boolean isBridge() {
        return bridge;
    }
}
