package io.netdock.dns;

import static io.netdock.dns.DnsFixtures.address;
import static io.netdock.dns.DnsFixtures.container;
import static io.netdock.dns.DnsFixtures.containerUpstream;
import static io.netdock.dns.DnsFixtures.endpoint;
import static io.netdock.dns.DnsFixtures.hostUpstream;
import static io.netdock.dns.DnsFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The resolver core against libnetwork's behaviour (the cases of moby's {@code resolver_test.go} and the sandbox
 * DNS tests, as specifications): names, scoping, links, families, PTR, MX, forwarding decisions, internal
 * networks, options, and the host view.
 */
class DnsResolverTest {

    private static final String WEB = "aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111";
    private static final String DB = "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222";
    private static final String CLIENT = "cccccccccccc3333333333333333333333333333333333333333333333333333";
    private static final String OTHER = "dddddddddddd4444444444444444444444444444444444444444444444444444";

    private final NameIndex index = new NameIndex();
    private DnsResolver resolver = new DnsResolver(index, DnsOptions.DOCKER);

    private void standardSetUp() {
        index.put(container(WEB, endpoint(WEB, "mynet", "172.18.0.2", null,
                List.of("web", "svc", "aaaaaaaaaaaa", "webhost"))));
        index.put(container(DB, endpoint(DB, "mynet", "172.18.0.3", null, List.of("db", "svc", "bbbbbbbbbbbb"))));
        index.put(container(CLIENT, endpoint(CLIENT, "mynet", "172.18.0.4", null, List.of("client"))));
        index.put(container(OTHER, endpoint(OTHER, "elsewhere", "172.19.0.2", null, List.of("hidden"))));
    }

    private Resolution ask(String querier, String name, int type) {
        return resolver.resolve(Querier.container(querier), query(name, type));
    }

    private static Message answered(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Resolution.Answered.class);
        return ((Resolution.Answered) resolution).reply();
    }

    private static List<String> addresses(Resolution resolution) {
        return answered(resolution).getSection(Section.ANSWER).stream().map(DnsResolverTest::data).toList();
    }

    private static String data(Record record) {
        return record.rdataToString();
    }

    @Test
    void aContainerNameResolvesToItsAddressWithDockersTtlAndFlags() {
        standardSetUp();
        Message query = query("web", Type.A);
        Resolution resolution = resolver.resolve(Querier.container(CLIENT), query);
        Message reply = answered(resolution);
        assertThat(((Resolution.Answered) resolution).local()).isTrue();
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(reply.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(reply.getQuestion()).isEqualTo(query.getQuestion());
        List<Record> answers = reply.getSection(Section.ANSWER);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0)).isInstanceOf(ARecord.class);
        assertThat(((ARecord) answers.get(0)).getAddress()).isEqualTo(address("172.18.0.2"));
        assertThat(answers.get(0).getTTL()).isEqualTo(600);
        assertThat(answers.get(0).getName()).isEqualTo(query.getQuestion().getName());
    }

    @Test
    void aliasesShortIdAndHostnameResolveAndCaseIsIgnored() {
        standardSetUp();
        assertThat(addresses(ask(CLIENT, "aaaaaaaaaaaa", Type.A))).containsExactly("172.18.0.2");
        assertThat(addresses(ask(CLIENT, "webhost", Type.A))).containsExactly("172.18.0.2");
        assertThat(addresses(ask(CLIENT, "WeB", Type.A))).containsExactly("172.18.0.2");
        assertThat(addresses(ask(CLIENT, "web.", Type.A))).containsExactly("172.18.0.2");
        assertThat(addresses(ask(CLIENT, "DB.MYNET", Type.A))).containsExactly("172.18.0.3");
    }

    @Test
    void nameDotNetworkResolvesAndAWrongNetworkDoesNot() {
        standardSetUp();
        assertThat(addresses(ask(CLIENT, "web.mynet", Type.A))).containsExactly("172.18.0.2");
        assertThat(ask(CLIENT, "web.elsewhere", Type.A)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void aSharedAliasGivesEveryAddressInAnOrderThatVaries() {
        standardSetUp();
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 200 && orders.size() < 2; i++) {
            List<String> found = addresses(ask(CLIENT, "svc", Type.A));
            assertThat(found).containsExactlyInAnyOrder("172.18.0.2", "172.18.0.3");
            orders.add(found);
        }
        assertThat(orders).hasSize(2);
    }

    @Test
    void onlyTheQueriersNetworksAreSearched() {
        standardSetUp();
        assertThat(ask(CLIENT, "hidden", Type.A)).isInstanceOf(Resolution.Forward.class);
        assertThat(ask(OTHER, "web", Type.A)).isInstanceOf(Resolution.Forward.class);
        assertThat(addresses(ask(OTHER, "hidden", Type.A))).containsExactly("172.19.0.2");
    }

    @Test
    void aContainerOnTwoNetworksSeesBoth() {
        standardSetUp();
        String both = "eeeeeeeeeeee5555555555555555555555555555555555555555555555555555";
        index.put(container(both, endpoint(both, "mynet", "172.18.0.9", null, List.of("both")),
                endpoint(both, "elsewhere", "172.19.0.9", null, List.of("both"))));
        assertThat(addresses(ask(both, "web", Type.A))).containsExactly("172.18.0.2");
        assertThat(addresses(ask(both, "hidden", Type.A))).containsExactly("172.19.0.2");
        assertThat(addresses(ask(both, "both.elsewhere", Type.A))).containsExactly("172.19.0.9");
        assertThat(addresses(ask(both, "both", Type.A))).containsExactly("172.18.0.9");
    }

    @Test
    void aLinkAliasIsSeenOnlyByTheLinkingContainerAndComesFirst() {
        standardSetUp();
        String linker = "ffffffffffff6666666666666666666666666666666666666666666666666666";
        // "db" as a link alias to web: the linker's alias wins over the container really named db
        index.put(container(linker, endpoint(linker, "mynet", "172.18.0.8", null, List.of("linker"),
                Map.of("db", "web", "wl", "web"))));
        assertThat(addresses(ask(linker, "wl", Type.A))).containsExactly("172.18.0.2");
        assertThat(addresses(ask(linker, "db", Type.A))).containsExactly("172.18.0.2");
        assertThat(addresses(ask(linker, "wl.mynet", Type.A))).containsExactly("172.18.0.2");
        assertThat(ask(CLIENT, "wl", Type.A)).isInstanceOf(Resolution.Forward.class);
        assertThat(addresses(ask(CLIENT, "db", Type.A))).containsExactly("172.18.0.3");
    }

    @Test
    void aLinkToAContainerThatIsGoneIsUnknown() {
        standardSetUp();
        String linker = "ffffffffffff6666666666666666666666666666666666666666666666666666";
        index.put(container(linker, endpoint(linker, "mynet", "172.18.0.8", null, List.of("linker"),
                Map.of("wl", "web"))));
        index.remove(WEB);
        assertThat(ask(linker, "wl", Type.A)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void aKnownNameWithoutAnAddressOfTheFamilyGetsAnEmptyNoErrorNotForwarded() {
        standardSetUp();
        Resolution v6 = ask(CLIENT, "web", Type.AAAA);
        assertThat(answered(v6).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answered(v6).getSection(Section.ANSWER)).isEmpty();
        assertThat(((Resolution.Answered) v6).local()).isTrue();
        String only6 = "999999999999aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        index.put(container(only6, endpoint(only6, "mynet", null, "fd00::6", List.of("only6"))));
        assertThat(answered(ask(CLIENT, "only6", Type.A)).getSection(Section.ANSWER)).isEmpty();
        assertThat(addresses(ask(CLIENT, "only6", Type.AAAA))).containsExactly("fd00:0:0:0:0:0:0:6");
    }

    @Test
    void aaaaOnADualStackNetworkGivesTheIpv6Address() {
        String a = "121212121212aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        String b = "343434343434aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        index.put(container(a, endpoint(a, "dual", "172.20.0.2", "fd00:1::2", List.of("a"))));
        index.put(container(b, endpoint(b, "dual", "172.20.0.3", "fd00:1::3", List.of("b"))));
        Message reply = answered(ask(a, "b", Type.AAAA));
        assertThat(reply.getSection(Section.ANSWER)).singleElement().isInstanceOf(AAAARecord.class);
        assertThat(((AAAARecord) reply.getSection(Section.ANSWER).get(0)).getAddress())
                .isEqualTo(address("fd00:1::3"));
        assertThat(addresses(ask(a, "b", Type.A))).containsExactly("172.20.0.3");
    }

    @Test
    void ptrOfALocalAddressIsTheFirstNameDotNetwork() {
        standardSetUp();
        Message reply = answered(ask(CLIENT, "2.0.18.172.in-addr.arpa", Type.PTR));
        assertThat(reply.getSection(Section.ANSWER)).singleElement().isInstanceOf(PTRRecord.class);
        PTRRecord ptr = (PTRRecord) reply.getSection(Section.ANSWER).get(0);
        assertThat(ptr.getTarget().toString()).isEqualTo("web.mynet.");
        assertThat(ptr.getTTL()).isEqualTo(600);
    }

    @Test
    void ptrOfAnIpv6Address() {
        String a = "121212121212aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        index.put(container(a, endpoint(a, "dual", "172.20.0.2", "fd00:1::2", List.of("a", "alias"))));
        String name = org.xbill.DNS.ReverseMap.fromAddress(address("fd00:1::2")).toString();
        Message reply = answered(ask(a, name, Type.PTR));
        assertThat(((PTRRecord) reply.getSection(Section.ANSWER).get(0)).getTarget().toString())
                .isEqualTo("a.dual.");
    }

    @Test
    void ptrCanAnswerTheBareName() {
        standardSetUp();
        resolver = new DnsResolver(index, new DnsOptions(600, DnsOptions.PtrStyle.NAME,
                DnsOptions.InternalUnknown.SERVFAIL));
        Message reply = answered(ask(CLIENT, "3.0.18.172.in-addr.arpa", Type.PTR));
        assertThat(((PTRRecord) reply.getSection(Section.ANSWER).get(0)).getTarget().toString()).isEqualTo("db.");
    }

    @Test
    void ptrOfAnAddressOutsideTheQueriersNetworksIsForwarded() {
        standardSetUp();
        assertThat(ask(CLIENT, "2.0.19.172.in-addr.arpa", Type.PTR)).isInstanceOf(Resolution.Forward.class);
        assertThat(ask(CLIENT, "8.8.8.8.in-addr.arpa", Type.PTR)).isInstanceOf(Resolution.Forward.class);
        assertThat(ask(CLIENT, "not.a.reverse.name", Type.PTR)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void mxOfALocalNameIsAnEmptyNoErrorAndOfAnUnknownOneForwarded() {
        standardSetUp();
        Message reply = answered(ask(CLIENT, "web", Type.MX));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
        assertThat(ask(CLIENT, "example.com", Type.MX)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void otherTypesAreForwardedEvenForLocalNames() {
        standardSetUp();
        assertThat(ask(CLIENT, "web", Type.TXT)).isInstanceOf(Resolution.Forward.class);
        assertThat(ask(CLIENT, "web", Type.SRV)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void unknownNamesGoToTheUpstreamsInOrder() {
        List<Upstream> upstreams = List.of(hostUpstream("10.0.0.1"), hostUpstream("10.0.0.2"));
        index.put(new DnsContainer(CLIENT, List.of(endpoint(CLIENT, "mynet", "172.18.0.4", null, List.of("c"))),
                upstreams, true, false));
        Resolution resolution = ask(CLIENT, "example.com", Type.A);
        assertThat(resolution).isEqualTo(new Resolution.Forward(upstreams));
    }

    @Test
    void atMostThreeUpstreams() {
        DnsContainer c = new DnsContainer(CLIENT, List.of(), List.of(hostUpstream("10.0.0.1"),
                hostUpstream("10.0.0.2"), hostUpstream("10.0.0.3"), hostUpstream("10.0.0.4")), true, false);
        assertThat(c.upstreams()).hasSize(3);
    }

    @Test
    void withoutExternalAccessHostUpstreamsAreSkippedAndDnsServersStillTried() {
        index.put(new DnsContainer(CLIENT, List.of(endpoint(CLIENT, "internal", "172.18.0.4", null, List.of("c"))),
                List.of(hostUpstream("10.0.0.1"), containerUpstream("10.0.0.2")), false, false));
        assertThat(ask(CLIENT, "example.com", Type.A))
                .isEqualTo(new Resolution.Forward(List.of(containerUpstream("10.0.0.2"))));
        index.put(new DnsContainer(CLIENT, List.of(endpoint(CLIENT, "internal", "172.18.0.4", null, List.of("c"))),
                List.of(hostUpstream("10.0.0.1")), false, false));
        assertThat(ask(CLIENT, "example.com", Type.A)).isEqualTo(new Resolution.Forward(List.of()));
        assertThat(addresses(ask(CLIENT, "c", Type.A))).containsExactly("172.18.0.4");
    }

    @Test
    void internalUnknownCanBeNxdomain() {
        resolver = new DnsResolver(index, new DnsOptions(600, DnsOptions.PtrStyle.NETWORK,
                DnsOptions.InternalUnknown.NXDOMAIN));
        index.put(new DnsContainer(CLIENT, List.of(endpoint(CLIENT, "internal", "172.18.0.4", null, List.of("c"))),
                List.of(hostUpstream("10.0.0.1")), false, false));
        assertThat(answered(ask(CLIENT, "example.com", Type.A)).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        index.put(new DnsContainer(CLIENT, List.of(endpoint(CLIENT, "internal", "172.18.0.4", null, List.of("c"))),
                List.of(containerUpstream("10.0.0.2")), false, false));
        assertThat(ask(CLIENT, "example.com", Type.A)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void withNdotsSetAnUnknownSingleLabelGetsAnEmptyNoError() {
        index.put(new DnsContainer(CLIENT, List.of(endpoint(CLIENT, "mynet", "172.18.0.4", null, List.of("c"))),
                List.of(hostUpstream("10.0.0.1")), true, true));
        Message reply = answered(ask(CLIENT, "unknown", Type.A));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
        assertThat(ask(CLIENT, "unknown.example", Type.A)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void theTtlIsAnOption() {
        standardSetUp();
        resolver = new DnsResolver(index, new DnsOptions(0, DnsOptions.PtrStyle.NETWORK,
                DnsOptions.InternalUnknown.SERVFAIL));
        assertThat(answered(ask(CLIENT, "web", Type.A)).getSection(Section.ANSWER).get(0).getTTL()).isZero();
    }

    @Test
    void dottedNamesAreSplitBetweenNameAndNetworkFromTheRight() {
        String dotted = "565656565656aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        String asker = "787878787878aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        index.put(container(dotted, endpoint(dotted, "b.c", "172.21.0.2", null, List.of("a.x"))));
        index.put(container(asker, endpoint(asker, "b.c", "172.21.0.3", null, List.of("asker"))));
        assertThat(addresses(ask(asker, "a.x", Type.A))).containsExactly("172.21.0.2");
        assertThat(addresses(ask(asker, "a.x.b.c", Type.A))).containsExactly("172.21.0.2");
        assertThat(addresses(ask(asker, "asker.b.c", Type.A))).containsExactly("172.21.0.3");
        assertThat(ask(asker, "a.x.b", Type.A)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void aQuerierWithoutAResolverHasNobodyToAsk() {
        standardSetUp();
        assertThat(ask("nobody", "web", Type.A)).isEqualTo(new Resolution.Forward(List.of()));
    }

    @Test
    void namesFollowTheIndex() {
        standardSetUp();
        index.put(container(WEB, endpoint(WEB, "mynet", "172.18.0.2", null, List.of("renamed", "aaaaaaaaaaaa"))));
        assertThat(ask(CLIENT, "web", Type.A)).isInstanceOf(Resolution.Forward.class);
        assertThat(addresses(ask(CLIENT, "renamed", Type.A))).containsExactly("172.18.0.2");
        assertThat(addresses(ask(CLIENT, "svc", Type.A))).containsExactly("172.18.0.3");
        index.remove(DB);
        assertThat(ask(CLIENT, "svc", Type.A)).isInstanceOf(Resolution.Forward.class);
        assertThat(ask(CLIENT, "3.0.18.172.in-addr.arpa", Type.PTR)).isInstanceOf(Resolution.Forward.class);
    }

    @Test
    void theHostViewSeesEveryNetworkAndNeverForwards() {
        standardSetUp();
        Querier host = Querier.host();
        assertThat(addresses(resolver.resolve(host, query("web.mynet", Type.A)))).containsExactly("172.18.0.2");
        assertThat(addresses(resolver.resolve(host, query("hidden.elsewhere", Type.A)))).containsExactly("172.19.0.2");
        assertThat(addresses(resolver.resolve(host, query("hidden", Type.A)))).containsExactly("172.19.0.2");
        assertThat(addresses(resolver.resolve(host, query("svc", Type.A))))
                .containsExactlyInAnyOrder("172.18.0.2", "172.18.0.3");
        assertThat(answered(resolver.resolve(host, query("example.com", Type.A))).getRcode())
                .isEqualTo(Rcode.NXDOMAIN);
        assertThat(answered(resolver.resolve(host, query("web.elsewhere", Type.A))).getRcode())
                .isEqualTo(Rcode.NXDOMAIN);
        Message ptr = answered(resolver.resolve(host, query("2.0.19.172.in-addr.arpa", Type.PTR)));
        assertThat(((PTRRecord) ptr.getSection(Section.ANSWER).get(0)).getTarget().toString())
                .isEqualTo("hidden.elsewhere.");
    }

    @Test
    void theHostViewAnswersABareNameOnlyWhereItIsOnOneNetwork() {
        standardSetUp();
        String twin = "abababababab7777777777777777777777777777777777777777777777777777";
        index.put(container(twin, endpoint(twin, "elsewhere", "172.19.0.7", null, List.of("web"))));
        assertThat(answered(resolver.resolve(Querier.host(), query("web", Type.A))).getRcode())
                .isEqualTo(Rcode.NXDOMAIN);
        assertThat(addresses(resolver.resolve(Querier.host(), query("web.elsewhere", Type.A))))
                .containsExactly("172.19.0.7");
    }

    @Test
    void aQueryWithoutAQuestionIsAFormatError() {
        Message empty = new Message();
        assertThat(answered(resolver.resolve(Querier.host(), empty)).getRcode()).isEqualTo(Rcode.FORMERR);
    }
}
