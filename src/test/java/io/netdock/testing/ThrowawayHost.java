package io.netdock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.test.context.DynamicPropertyRegistry;

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

    private final ThrowawayNamespace host;
    private final String client;

    private ThrowawayHost(ThrowawayNamespace host, String client) {
        this.host = host;
        this.client = client;
    }

    /**
     * A host whose names ({@code <prefix>-<8 hex>}, {@code ndk-cl-<8 hex>}) and state directory are chosen now, so
     * a test class can hand them to netdock's properties; {@link #create} makes it.
     */
    public static ThrowawayHost named(String prefix) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Path state = Path.of(System.getProperty("java.io.tmpdir"), "netdock-" + prefix + "-" + unique);
        return new ThrowawayHost(new ThrowawayNamespace(prefix + "-" + unique, state), "ndk-cl-" + unique);
    }

    /** {@link #named} and {@link #create} at once. */
    public static ThrowawayHost created(String prefix) {
        ThrowawayHost host = named(prefix);
        host.create();
        return host;
    }

    /** Creates the state directory, both namespaces and the uplink; on failure removes what it made. */
    public void create() {
        try {
            host.create();
            ThrowawayNamespace.run("ip", "netns", "add", client);
            ip("link", "set", "lo", "up");
            ip("link", "add", "uplink", "type", "veth", "peer", "name", "eth0", "netns", client);
            ip("addr", "add", HOST_ADDRESS + "/24", "dev", "uplink");
            ip("link", "set", "uplink", "up");
            inClient("ip", "link", "set", "lo", "up");
            inClient("ip", "addr", "add", CLIENT_ADDRESS + "/24", "dev", "eth0");
            inClient("ip", "link", "set", "eth0", "up");
            inClient("ip", "route", "add", "10.240.0.0/12", "via", HOST_ADDRESS);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /**
     * For a Spring test class with a static {@code ThrowawayHost} field: creates it before the class and removes it
     * after. Declare it before {@code @SpringBootTest}, so the application has stopped when the host goes (stopping,
     * it still writes to its state directory).
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            hosts(context).forEach(ThrowawayHost::create);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            hosts(context).forEach(ThrowawayHost::close);
        }

        private static List<ThrowawayHost> hosts(ExtensionContext context) {
            return ReflectionSupport.findFields(context.getRequiredTestClass(),
                            field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ThrowawayHost.class,
                            HierarchyTraversalMode.TOP_DOWN).stream()
                    .map(field -> (ThrowawayHost) ReflectionSupport.tryToReadFieldValue(field, null).toOptional()
                            .orElseThrow())
                    .toList();
        }
    }

    /** Points an application under test at this host: linux mode, its state directory and host namespace. */
    public void linuxMode(DynamicPropertyRegistry registry) {
        registry.add("netdock.state-dir", () -> host.stateDirectory().toString());
        registry.add("netdock.kernel.mode", () -> "linux");
        registry.add("netdock.kernel.host-netns", host::name);
    }

    /** The command-line arguments of a netdock on this host ({@link ChildNetdock}): linux mode, then {@code more}. */
    public List<String> linuxModeArguments(String... more) {
        List<String> args = new ArrayList<>(List.of("--netdock.kernel.mode=linux",
                "--netdock.kernel.host-netns=" + host.name()));
        args.addAll(List.of(more));
        return args;
    }

    /** The host namespace's name, for {@code --netdock.kernel.host-netns}. */
    public String name() {
        return host.name();
    }

    public Path stateDirectory() {
        return host.stateDirectory();
    }

    /** Where sandboxes are mounted: {@code <state>/netns}. */
    public Path netnsDirectory() {
        return host.netnsDirectory();
    }

    public Path hostKey() {
        return host.hostKey();
    }

    public Path clientKey() {
        return Path.of("/run/netns", client);
    }

    /** {@code ip <args>} in the host namespace. */
    public String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", host.name()));
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
        host.close();
    }
}
