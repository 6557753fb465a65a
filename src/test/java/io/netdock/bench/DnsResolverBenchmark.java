package io.netdock.bench;

import io.netdock.dns.DnsContainer;
import io.netdock.dns.DnsEndpoint;
import io.netdock.dns.DnsOptions;
import io.netdock.dns.DnsResolver;
import io.netdock.dns.DnsService;
import io.netdock.dns.NameIndex;
import io.netdock.dns.Querier;
import io.netdock.dns.Resolution;
import io.netdock.dns.Transport;
import io.netdock.dns.Upstream;
import io.netdock.dns.UpstreamNamespace;
import io.netdock.net.IpAddresses;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * The embedded DNS server's core with 10 000 running containers (40 user networks of 250, each container with a
 * name, an alias shared by 5, its short ID and hostname), asked by one of them. {@code resolve*}: the pure
 * resolver on a parsed query; {@code answer*}: the whole path every listener takes, wire bytes in, wire bytes out
 * (parse, resolve, serialise, UDP size check); {@code answerLocalA8Threads}: the same from 8 threads at once
 * (throughput). {@code renameOne}: the index update a rename causes. Target: a local answer well under Docker's
 * 0.06 ms median (which includes a UDP round trip into a container's namespace).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DnsResolverBenchmark {

    static final int NETWORKS = 40;
    static final int PER_NETWORK = 250;

    NameIndex index;
    DnsResolver resolver;
    DnsService service;
    Querier querier;
    Message localA;
    Message nameDotNetwork;
    Message sharedAlias;
    Message ptr;
    Message unknown;
    byte[] localAWire;
    DnsContainer renamedOnce;
    DnsContainer renamedTwice;
    boolean flip;

    @Setup
    public void fill() throws Exception {
        index = new NameIndex();
        for (int n = 0; n < NETWORKS; n++) {
            for (int c = 0; c < PER_NETWORK; c++) {
                index.put(container(n, c, "c" + n + "-" + c));
            }
        }
        resolver = new DnsResolver(index, DnsOptions.DOCKER);
        service = new DnsService(resolver, (upstream, query, transport, containerId) ->
                CompletableFuture.failedFuture(new IllegalStateException("no upstream in the benchmark")));
        querier = Querier.container(id(7, 0));
        localA = query("c7-123", Type.A);
        nameDotNetwork = query("c7-123.net7", Type.A);
        sharedAlias = query("alias7-24", Type.A);
        ptr = Message.newQuery(Record.newRecord(ReverseMap.fromAddress(address(7, 123)), Type.PTR, DClass.IN));
        unknown = query("www.example.com", Type.A);
        localAWire = localA.toWire();
        renamedOnce = container(7, 200, "renamed-a");
        renamedTwice = container(7, 200, "renamed-b");
        if (!(resolver.resolve(querier, localA) instanceof Resolution.Answered)) {
            throw new IllegalStateException("the benchmark's name does not resolve");
        }
    }

    private static DnsContainer container(int network, int index, String name) {
        String id = id(network, index);
        DnsEndpoint endpoint = new DnsEndpoint(id, "net-id-" + network, "net" + network,
                List.of(name, "alias" + network + "-" + (index / 5), id.substring(0, 12), id.substring(0, 12)),
                IpAddresses.parse(address(network, index)), null, Map.of());
        return new DnsContainer(id, List.of(endpoint), List.of(new Upstream(
                new InetSocketAddress(IpAddresses.parse("192.0.2.53"), 53), UpstreamNamespace.HOST)), true, false);
    }

    private static String id(int network, int index) {
        return String.format("%08x%08x", network, index).repeat(4);
    }

    private static String address(int network, int index) {
        return "10." + network + "." + (index / 250) + "." + (index % 250 + 2);
    }

    private static Message query(String name, int type) throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
        query.getHeader().setFlag(Flags.RD);
        return query;
    }

    @Benchmark
    public Resolution resolveLocalA() {
        return resolver.resolve(querier, localA);
    }

    @Benchmark
    public Resolution resolveNameDotNetwork() {
        return resolver.resolve(querier, nameDotNetwork);
    }

    @Benchmark
    public Resolution resolveSharedAliasOf5() {
        return resolver.resolve(querier, sharedAlias);
    }

    @Benchmark
    public Resolution resolvePtr() {
        return resolver.resolve(querier, ptr);
    }

    @Benchmark
    public Resolution resolveUnknownToForward() {
        return resolver.resolve(querier, unknown);
    }

    @Benchmark
    public Resolution resolveHostView() {
        return resolver.resolve(Querier.host(), nameDotNetwork);
    }

    @Benchmark
    public byte[] answerLocalA() {
        return service.answer(querier, localAWire, Transport.UDP).toCompletableFuture().join();
    }

    @Benchmark
    @Threads(8)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] answerLocalA8Threads() {
        return service.answer(querier, localAWire, Transport.UDP).toCompletableFuture().join();
    }

    @Benchmark
    public void renameOne() {
        flip = !flip;
        index.put(flip ? renamedOnce : renamedTwice);
    }
}
