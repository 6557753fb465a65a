package io.netdock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For tests of the whole application in linux mode: a throwaway "host" namespace for netdock
 * ({@code --netdock.kernel.host-netns}), a state directory, and a "client" namespace wired to the host by a veth
 * pair, as another machine on the host's LAN would be: the host's end {@code uplink} has {@link #HOST_ADDRESS}, the
 * client's end {@link #CLIENT_ADDRESS}, and the client routes {@code 10.240.0.0/12} (where these tests put their
 * networks) back through the host, so only netdock's rules decide what reaches it. {@link #close} removes it all,
 * sandbox namespaces under the state directory included. Nothing touches the machine's own namespace.
 */
public final class ThrowawayHost implements AutoCloseable {

    /** The host namespace's own address, on its uplink to the client. */
    public static final String HOST_ADDRESS = "10.201.0.1";
    public static final String CLIENT_ADDRESS = "10.201.0.2";

    private final String name;
    private final String client;
    private final Path stateDirectory;

    private ThrowawayHost(String name, String client, Path stateDirectory) {
        this.name = name;
        this.client = client;
        this.stateDirectory = stateDirectory;
    }

    /** Creates both namespaces (named {@code <prefix>-<8 hex>} and {@code ndk-cl-<8 hex>}) and the state directory. */
    public static ThrowawayHost create(String prefix) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Path state;
        try {
            state = Files.createTempDirectory("netdock-" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ThrowawayHost host = new ThrowawayHost(prefix + "-" + unique, "ndk-cl-" + unique, state);
        try {
            ThrowawayNamespace.run("ip", "netns", "add", host.name);
            ThrowawayNamespace.run("ip", "netns", "add", host.client);
            host.ip("link", "set", "lo", "up");
            host.ip("link", "add", "uplink", "type", "veth", "peer", "name", "eth0", "netns", host.client);
            host.ip("addr", "add", HOST_ADDRESS + "/24", "dev", "uplink");
            host.ip("link", "set", "uplink", "up");
            host.inClient("ip", "link", "set", "lo", "up");
            host.inClient("ip", "addr", "add", CLIENT_ADDRESS + "/24", "dev", "eth0");
            host.inClient("ip", "link", "set", "eth0", "up");
            host.inClient("ip", "route", "add", "10.240.0.0/12", "via", HOST_ADDRESS);
            return host;
        } catch (RuntimeException failure) {
            host.close();
            throw failure;
        }
    }

    /** The host namespace's name, for {@code --netdock.kernel.host-netns}. */
    public String name() {
        return name;
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    /** Where sandboxes are mounted: {@code <state>/netns}. */
    public Path netnsDirectory() {
        return stateDirectory.resolve("netns");
    }

    public Path hostKey() {
        return Path.of("/run/netns", name);
    }

    public Path clientKey() {
        return Path.of("/run/netns", client);
    }

    /** {@code ip <args>} in the host namespace. */
    public String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        return ThrowawayNamespace.run(command.toArray(String[]::new));
    }

    /** Any command (e.g. {@code nft}) inside the host namespace. */
    public String inHost(String... command) {
        return in(hostKey(), command);
    }

    public String inClient(String... command) {
        return in(clientKey(), command);
    }

    /** Any command inside the namespace mounted at {@code key} (a SandboxKey). */
    public static String in(Path key, String... command) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + key));
        full.addAll(List.of(command));
        return ThrowawayNamespace.run(full.toArray(String[]::new));
    }

    /** {@code nft list table inet netdock} in the host namespace. */
    public String ruleset() {
        return inHost("nft", "list", "table", "inet", "netdock");
    }

    /** Deletes both namespaces and the state directory with every sandbox mounted under it. Safe to repeat. */
    @Override
    public void close() {
        ThrowawayNamespace.exec(List.of("ip", "netns", "del", client));
        ThrowawayNamespace.exec(List.of("ip", "netns", "del", name));
        try {
            ThrowawayNamespace.removeStateDirectory(stateDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
