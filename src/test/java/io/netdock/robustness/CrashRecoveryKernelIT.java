package io.netdock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netdock.kernel.bridge.Names;
import io.netdock.testing.RealKernel;
import io.netdock.testing.TestDatabases;
import io.netdock.testing.TestDatabases.ApplicationDatabase;
import io.netdock.testing.ThrowawayNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crash test in linux mode: netdock (a child process) builds real bridges, namespaces, veths and nftables rules
 * in a throwaway host namespace while clients hammer it, is killed with {@code SIGKILL}, and restarts. Besides what
 * {@link CrashRecoveryIT} checks, no kernel object of the first run may be left that the database does not know:
 * no orphan bridge, veth, sandbox namespace or rule, looked at through netdock's view and directly with iproute2.
 */
@RealKernel
class CrashRecoveryKernelIT {

    static final int CLIENTS = 8;
    static final long KILL_AFTER = Long.getLong("netdock.crash.kernel.answers", 300);

    @RegisterExtension
    final ThrowawayNamespace host = new ThrowawayNamespace();

    @Test
    void afterAKillTheKernelHoldsExactlyWhatTheDatabaseSays() throws Exception {
        Path stateDir = host.stateDirectory();
        ApplicationDatabase database = TestDatabases.h2FileForApplication(stateDir);
        List<String> args = new ArrayList<>(Arrays.asList(database.arguments()));
        args.addAll(List.of("--netdock.kernel.mode=linux", "--netdock.kernel.host-netns=" + host.name()));

        CrashScenario.Outcome outcome = CrashScenario.run(stateDir, args, database.dataSource(), CLIENTS, KILL_AFTER,
                23, () -> directLook(stateDir, database));

        System.out.println("crash (linux): killed after " + outcome.load().operations() + " answers; "
                + MixedLoad.describe(outcome.load()));
        assertThat(outcome.load().clients()).anyMatch(client -> client.inFlight() != null);
        assertThat(MixedLoad.unexpected(outcome.load().kinds())).as("answers no client should get").isEmpty();
        assertThat(outcome.violations()).as("after the restart").isEmpty();
    }

    /** iproute2 and the state directory, not netdock's view: veths, bridges and sandbox mounts against the rows. */
    private List<String> directLook(Path stateDir, ApplicationDatabase database) {
        Invariants.Database db = Invariants.Database.read(database.dataSource());
        List<String> violations = new ArrayList<>();
        Set<String> veths = links("veth");
        Set<String> wantedVeths = db.endpoints().stream().filter(e -> !e.interfaceName().isEmpty())
                .map(e -> Names.veth(e.endpointId())).collect(Collectors.toCollection(TreeSet::new));
        if (!veths.equals(wantedVeths)) {
            violations.add("ip link shows veths " + veths + ", the database wants " + wantedVeths);
        }
        Set<String> bridges = links("bridge");
        Set<String> wantedBridges = db.networks().stream().map(Invariants.NetworkRow::bridgeName)
                .filter(name -> name != null).collect(Collectors.toCollection(TreeSet::new));
        if (!bridges.equals(wantedBridges)) {
            violations.add("ip link shows bridges " + bridges + ", the database wants " + wantedBridges);
        }
        Set<String> mounts = new TreeSet<>();
        try (Stream<Path> files = Files.list(stateDir.resolve("netns"))) {
            files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("default")).forEach(mounts::add);
        } catch (java.io.IOException e) {
            violations.add("cannot list " + stateDir.resolve("netns") + ": " + e);
        }
        long running = db.containers().stream().filter(c -> c.status().equals("running")).count();
        if (mounts.size() > running) {
            violations.add(mounts.size() + " sandbox namespaces mounted for " + running + " running containers: " + mounts);
        }
        return violations;
    }

    /** Links of a kind in the host namespace that are netdock's (its link group), as {@code ip} lists them. */
    private Set<String> links(String kind) {
        String listing = ThrowawayNamespace.run("ip", "-n", host.name(), "-o", "link", "show", "type", kind, "group",
                "0x6e646b01");
        Set<String> names = new TreeSet<>();
        listing.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String name = line.split(":\\s+")[1];
            names.add(name.contains("@") ? name.substring(0, name.indexOf('@')) : name);
        });
        return names;
    }
}
