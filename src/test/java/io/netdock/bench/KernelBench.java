package io.netdock.bench;

import io.netdock.kernel.Attachment;
import io.netdock.kernel.BridgeNetwork;
import io.netdock.kernel.IpPrefix;
import io.netdock.kernel.PortForward;
import io.netdock.kernel.bridge.BridgeDriver;
import io.netdock.kernel.linux.LinuxKernel;
import io.netdock.net.IpAddresses;
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
 * it creates and deletes. Each operation runs {@code rounds} times in a row; removals hand the kernel's own wait
 * for freeing links to the background, so the time that background work took is reported too ("settle"). Run as
 * root after {@code mvn -q -DskipTests test-compile}:
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.netdock.bench.KernelBench [rounds] [rules]
 * </pre>
 * {@code rules} (default 2000) is how many published ports the table holds for the "with many rules" rounds.
 */
public final class KernelBench {

    private KernelBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int manyRules = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
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
            int attached = Math.min(rounds, 250);
            List<Attachment> attachments = new ArrayList<>();
            for (int i = 0; i < attached; i++) {
                attachments.add(attachment(first, sandboxes.get(i), id(i, 'e'), "eth0", 2 + i));
            }
            report("connect (veth pair, address, up, default route)", attached,
                    i -> plumbing.attach(attachments.get(i)));
            report("publish one port", attached, i -> plumbing.publish(List.of(forward(first, attachments.get(i), 0))));
            report("unpublish one port", attached,
                    i -> plumbing.unpublish(List.of(forward(first, attachments.get(i), 0))));
            List<PortForward> many = new ArrayList<>();
            for (int i = 0; i < manyRules; i++) {
                many.add(forward(first, attachments.get(i % attached), 1 + i / attached));
            }
            plumbing.publish(many);
            report("publish one port, " + manyRules + " ports published", attached,
                    i -> plumbing.publish(List.of(forward(first, attachments.get(i), 0))));
            report("unpublish one port, " + manyRules + " ports published", attached,
                    i -> plumbing.unpublish(List.of(forward(first, attachments.get(i), 0))));
            plumbing.unpublish(many);
            report("disconnect (retire veth pair)", attached, i -> plumbing.detach(attachments.get(i)));
            report("reconnect as eth0 again (new endpoint)", attached,
                    i -> plumbing.attach(attachment(first, sandboxes.get(i), id(i, 'f'), "eth0", 2 + i)));
            report("settle (background deletion of the veths)", 1, i -> kernel.settle());
            report("sandbox remove", rounds, i -> plumbing.removeSandbox(sandboxes.get(i)));
            report("settle (background deletion of the sandboxes' veths)", 1, i -> kernel.settle());
            report("network remove (rules by handle, retire bridge)", rounds,
                    i -> plumbing.tearDownNetwork(networks.get(i)));
            report("settle (background deletion of the bridges)", 1, i -> kernel.settle());
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

    private static Attachment attachment(BridgeNetwork network, String sandbox, String endpoint, String iface,
                                         int host) {
        return new Attachment(network, sandbox, endpoint, iface, null,
                List.of(IpPrefix.parse("10.0.0." + host + "/24")),
                network.gateways().get(0).address(), null);
    }

    /** Host port 20000 + n×1000 + the container's last byte: distinct for every (container, n). */
    private static PortForward forward(BridgeNetwork network, Attachment attachment, int n) {
        int last = attachment.addresses().get(0).address().getAddress()[3] & 0xff;
        return new PortForward(attachment.endpointId(), network.bridgeName(), "tcp", IpAddresses.parse("0.0.0.0"),
                20000 + n * 1000 % 40000 + last, attachment.addresses().get(0).address(), 80 + n);
    }

    private static void report(String what, int rounds, IntConsumer operation) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            operation.accept(i);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "%-56s n=%3d  median %7.2f ms  p90 %7.2f ms%n", what, rounds,
                nanos.get(rounds / 2) / 1e6, nanos.get(rounds * 9 / 10) / 1e6);
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
