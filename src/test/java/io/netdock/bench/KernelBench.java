package io.netdock.bench;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.kernel.linux.LinuxKernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Medians of the kernel layer in linux mode (the bridge driver on the real kernel), in a throwaway host namespace
 * it creates and deletes. Run as root after {@code mvn -q -DskipTests test-compile}:
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.netdock.bench.KernelBench [rounds]
 * </pre>
 */
public final class KernelBench {

    private KernelBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String host = "ndk-bench-" + ProcessHandle.current().pid();
        Path state = Files.createTempDirectory("netdock-bench");
        exec("ip", "netns", "add", host);
        try (LinuxKernel kernel = LinuxKernel.open(state.resolve("netns"), host)) {
            BridgeDriver plumbing = new BridgeDriver(kernel);
            List<BridgeNetwork> networks = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                networks.add(new BridgeNetwork(id(i, 'a'), String.format("br-%012x", i + 1),
                        List.of(IpPrefix.parse("10." + (i / 250) + "." + (i % 250) + ".1/24")), 1500, false, true,
                        true, ""));
            }
            report("network create (bridge, gateway, up, nft batch)", rounds, i -> plumbing.setUpNetwork(networks.get(i)));
            BridgeNetwork first = networks.get(0);
            List<String> sandboxes = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                sandboxes.add(id(i, '5'));
            }
            report("sandbox create (netns + mount + lo up)", rounds, i -> plumbing.createSandbox(sandboxes.get(i)));
            List<Attachment> attachments = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                attachments.add(new Attachment(first, sandboxes.get(i), id(i, 'e'), "eth0",
                        null, List.of(IpPrefix.parse("10.0.0." + (2 + i % 250) + "/24")),
                        first.gateways().get(0).address(), null));
            }
            report("connect (veth pair, address, up, default route)", Math.min(rounds, 250),
                    i -> plumbing.attach(attachments.get(i)));
            report("publish one port (nft: list handles + batch)", Math.min(rounds, 250),
                    i -> plumbing.publish(List.of(forward(first, attachments.get(i)))));
            report("unpublish one port", Math.min(rounds, 250),
                    i -> plumbing.unpublish(List.of(forward(first, attachments.get(i)))));
            report("disconnect (delete veth pair)", Math.min(rounds, 250), i -> plumbing.detach(attachments.get(i)));
            report("sandbox remove", rounds, i -> plumbing.removeSandbox(sandboxes.get(i)));
            report("network remove (rules by comment, bridge)", rounds, i -> plumbing.tearDownNetwork(networks.get(i)));
        } finally {
            exec("umount", "-l", state.resolve("netns").toString());
            exec("ip", "netns", "del", host);
            exec("rm", "-rf", state.toString());
        }
    }

    /** A 64-hex ID whose first characters (which name veths and namespaces) differ per round. */
    private static String id(int round, char kind) {
        return String.format("%07x", round) + kind + "c".repeat(56);
    }

    private static PortForward forward(BridgeNetwork network, Attachment attachment) {
        return new PortForward(attachment.endpointId(), network.bridgeName(), "tcp", IpPrefix.literal("0.0.0.0"),
                20000 + attachment.addresses().get(0).address().getAddress()[3], attachment.addresses().get(0).address(),
                80);
    }

    private static void report(String what, int rounds, IntConsumer operation) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            operation.accept(i);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "%-52s n=%3d  median %6.2f ms  p90 %6.2f ms%n", what, rounds,
                nanos.get(rounds / 2) / 1e6, nanos.get(rounds * 9 / 10) / 1e6);
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
