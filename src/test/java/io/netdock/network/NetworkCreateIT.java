package io.netdock.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.netdock.events.Event;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /networks/create}: every request field, Docker's validation order and messages. */
class NetworkCreateIT extends NetworkApiApplication {

    @Test
    void answers201WithIdAndEmptyWarning() {
        Response response = post("/networks/create", "{\"Name\":\"" + unique("plain") + "\"}");
        response.then().statusCode(201).contentType("application/json")
                .body("Id", matchesPattern("[0-9a-f]{64}"))
                .body("Warning", equalTo(""));
        assertThat(response.asString()).endsWith("\"Warning\":\"\"}\n");
    }

    @Test
    void aPlainNetworkLooksLikeDockersInFieldOrder() {
        String name = unique("shape");
        String id = createNamed(name);
        String json = api().get("/v1.41/networks/" + id).asString();
        assertThat(json).matches("\\{\"Name\":\"" + name + "\",\"Id\":\"" + id + "\",\"Created\":\"\\d{4}-\\d\\d-\\d\\dT"
                + "\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z\",\"Scope\":\"local\",\"Driver\":\"bridge\",\"EnableIPv6\":false,"
                + "\"IPAM\":\\{\"Driver\":\"default\",\"Options\":null,\"Config\":\\[\\{\"Subnet\":\"[0-9./]+\","
                + "\"Gateway\":\"[0-9.]+\"}]},\"Internal\":false,\"Attachable\":false,\"Ingress\":false,"
                + "\"ConfigFrom\":\\{\"Network\":\"\"},\"ConfigOnly\":false,\"Containers\":\\{},\"Options\":\\{},"
                + "\"Labels\":\\{}}\n");
        assertThat(json).doesNotContain("0Z\"").as("Go trims trailing zeros of the nanoseconds");
    }

    @Test
    void everyFieldTheCliSendsIsStoredAndShown() {
        String name = unique("cli");
        String id = create("{\"Driver\":\"bridge\",\"Scope\":\"\",\"IPAM\":{\"Driver\":\"default\",\"Options\":{},"
                + "\"Config\":[{\"Subnet\":\"10.76.0.0/24\",\"IPRange\":\"10.76.0.128/25\",\"Gateway\":\"10.76.0.1\","
                + "\"AuxiliaryAddresses\":{\"a\":\"10.76.0.2\"}}]},\"Internal\":true,\"Attachable\":true,"
                + "\"Ingress\":false,\"ConfigOnly\":false,\"ConfigFrom\":null,"
                + "\"Options\":{\"com.docker.network.driver.mtu\":\"1400\",\"foo\":\"bar\"},\"Labels\":{\"rs\":\"1\"},"
                + "\"Name\":\"" + name + "\",\"CheckDuplicate\":true}");
        JsonPath network = inspect(name);
        assertThat(network.getString("Id")).isEqualTo(id);
        assertThat(network.getBoolean("Internal")).isTrue();
        assertThat(network.getBoolean("Attachable")).isTrue();
        assertThat(network.getMap("IPAM.Options")).isEmpty();
        assertThat(network.getList("IPAM.Config")).containsExactly(Map.of("Subnet", "10.76.0.0/24", "IPRange",
                "10.76.0.128/25", "Gateway", "10.76.0.1", "AuxiliaryAddresses", Map.of("a", "10.76.0.2")));
        assertThat(network.getMap("Options")).isEqualTo(Map.of("com.docker.network.driver.mtu", "1400", "foo", "bar"));
        assertThat(network.getMap("Labels")).isEqualTo(Map.of("rs", "1"));
        assertThat(network.getBoolean("EnableIPv4")).isTrue();
        remove(id);
    }

    @Test
    void aUserSubnetWithoutGatewayShowsNoGatewayButUsesTheFirstHost() {
        String name = unique("nogw");
        create("{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.200.7.0/24\"}]}}");
        assertThat(inspect(name).getList("IPAM.Config")).containsExactly(Map.of("Subnet", "10.200.7.0/24"));
        assertThat(plumbingGatewaysOf(name)).containsExactly("10.200.7.1/24");
        remove(name);
    }

    @Test
    void theGatewayOfAnIpRangeNetworkIsTheRangesFirstAddress() {
        String name = unique("rangegw");
        create("{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.71.9.0/24\",\"IPRange\":\"10.71.9.128/25\"}]}}");
        assertThat(plumbingGatewaysOf(name)).containsExactly("10.71.9.128/24");
        remove(name);
    }

    private List<String> plumbingGatewaysOf(String name) {
        return service.get(name).bridge().gateways().stream().map(Object::toString).toList();
    }

    @org.springframework.beans.factory.annotation.Autowired
    NetworkService service;

    @Test
    void duplicateNamesAreAConflictWhateverCheckDuplicateSays() {
        String name = unique("dup");
        createNamed(name);
        for (String body : new String[] {"{\"Name\":\"" + name + "\"}", "{\"Name\":\"" + name + "\",\"CheckDuplicate\":false}"}) {
            assertThat(error(post("/networks/create", body))).isEqualTo("409 network with name " + name + " already exists");
        }
        remove(name);
    }

    @Test
    void predefinedNamesAreForbidden() {
        for (String name : new String[] {"bridge", "host", "none", "default"}) {
            assertThat(error(post("/networks/create", "{\"Name\":\"" + name + "\"}")))
                    .isEqualTo("403 operation is not permitted on predefined " + name + " network ");
        }
    }

    @Test
    void theNameIsRequired() {
        assertThat(error(post("/networks/create", "{}"))).isEqualTo("400 invalid name: ");
        assertThat(error(post("/networks/create", "{\"Name\":\"  \"}"))).isEqualTo("400 invalid name:   ");
        assertThat(error(api().contentType("application/json").post("/networks/create"))).isEqualTo("400 invalid name: ");
    }

    @Test
    void drivers() {
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("d") + "\",\"Driver\":\"nosuchdriver\"}")))
                .isEqualTo("404 plugin \"nosuchdriver\" not found");
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("d") + "\",\"Driver\":\"host\"}")))
                .isEqualTo("403 only one instance of \"host\" network is allowed");
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("d") + "\",\"Driver\":\"null\"}")))
                .isEqualTo("403 only one instance of \"null\" network is allowed");
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("d") + "\",\"Driver\":\"overlay\"}")))
                .isEqualTo("403 " + NetworkCreation.NOT_SWARM_MANAGER);
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("d") + "\",\"IPAM\":{\"Driver\":\"nosuchipam\"}}")))
                .isEqualTo("404 plugin \"nosuchipam\" not found");
    }

    @Test
    void scopesAndIngress() {
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("s") + "\",\"Scope\":\"swarm\"}")))
                .isEqualTo("403 cannot create a swarm scoped network when swarm is not active");
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("s") + "\",\"Scope\":\"global\"}")))
                .isEqualTo("403 " + NetworkCreation.NOT_SWARM_MANAGER);
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("s") + "\",\"Ingress\":true}")))
                .isEqualTo("403 Ingress network can only be global scope network");
        String local = unique("s");
        create("{\"Name\":\"" + local + "\",\"Scope\":\"local\"}");
        assertThat(inspect(local).getString("Scope")).isEqualTo("local");
        remove(local);
    }

    @Test
    void ipamConfigIsValidatedUpFrontWithAllErrorsJoined() {
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.61.0.5/24\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid subnet 10.61.0.5/24: it should be 10.61.0.0/24");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"notasubnet\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid subnet notasubnet: invalid CIDR block notation");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.99.0.0/24\",\"Gateway\":\"10.98.0.1\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid gateway 10.98.0.1: parent subnet 10.99.0.0/24 "
                        + "doesn't contain this address");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.99.0.0/24\",\"Gateway\":\"bad\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid gateway bad: invalid address");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.99.0.0/24\",\"IPRange\":\"10.98.0.0/25\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid ip-range 10.98.0.0/25: parent subnet 10.99.0.0/24 "
                        + "doesn't contain ip-range");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.68.0.0/24\",\"IPRange\":\"10.68.0.0/20\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid ip-range 10.68.0.0/20: CIDR block is bigger than its "
                        + "parent subnet 10.68.0.0/24");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.99.0.0/24\",\"IPRange\":\"fd00::/64\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid ip-range fd00::/64: parent subnet is an IPv4 block");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.99.0.0/24\",\"Gateway\":\"fd00::1\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid gateway fd00::1: parent subnet is an IPv4 block");
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":"
                + "\"fd00:9::/64\",\"Gateway\":\"10.0.0.1\",\"AuxiliaryAddresses\":{\"b\":\"bad\"}}]}}")))
                .isEqualTo("400 invalid network config:\n* invalid gateway 10.0.0.1: parent subnet is an IPv6 block\n"
                        + "* invalid auxiliary address b: invalid address");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.99.0.0/24\",\"AuxiliaryAddresses\":{\"a\":\"10.98.0.5\"}}"))))
                .isEqualTo("400 invalid network config:\ninvalid auxiliary address a: parent subnet 10.99.0.0/24 "
                        + "doesn't contain this address");
        assertThat(error(post("/networks/create", ipam("{\"IPRange\":\"10.99.0.0/25\",\"Gateway\":\"10.99.0.1\"}"))))
                .isEqualTo("400 invalid network config:\ninvalid subnet : invalid CIDR block notation");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.61.0.5/24\",\"Gateway\":\"10.62.0.1\"},"
                + "{\"Subnet\":\"bad\"}"))))
                .isEqualTo("400 invalid network config:\n* invalid subnet 10.61.0.5/24: it should be 10.61.0.0/24\n"
                        + "* invalid gateway 10.62.0.1: parent subnet 10.61.0.5/24 doesn't contain this address\n"
                        + "* invalid subnet bad: invalid CIDR block notation");
    }

    @Test
    void ipv6EntriesAreOnlyCheckedWhenIpv6IsEnabled() {
        String name = unique("v6off");
        create("{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:1::5/64\"}]}}");
        JsonPath network = inspect(name);
        assertThat(network.getBoolean("EnableIPv6")).isFalse();
        assertThat(network.getList("IPAM.Config.Subnet")).hasSize(2).contains("fd00:1::5/64");
        remove(name);
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"EnableIPv6\":true,"
                + "\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:1::5/64\"}]}}")))
                .isEqualTo("400 invalid network config:\ninvalid subnet fd00:1::5/64: it should be fd00:1::/64");
    }

    @Test
    void overlappingSubnetsAreForbidden() {
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"172.17.5.0/24\"}"))))
                .isEqualTo("403 Pool overlaps with other one on this address space");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"172.0.0.0/8\"}"))))
                .isEqualTo("403 Pool overlaps with other one on this address space");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.55.0.0/16\"},{\"Subnet\":\"10.55.3.0/24\"}"))))
                .isEqualTo("403 Pool overlaps with other one on this address space");
        String name = unique("ov");
        create("{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.56.0.0/24\"}]}}");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.56.0.128/25\"}"))))
                .isEqualTo("403 Pool overlaps with other one on this address space");
        remove(name);
        String again = unique("ov");
        create("{\"Name\":\"" + again + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.56.0.128/25\"}]}}");
        remove(again);
    }

    @Test
    void gatewayAndAuxiliaryAddressesMustBeFree() {
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.62.0.0/24\",\"Gateway\":\"10.62.0.0\"}"))))
                .isEqualTo("500 failed to allocate gateway (10.62.0.0): Address already in use");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.62.0.0/24\",\"Gateway\":\"10.62.0.255\"}"))))
                .isEqualTo("500 failed to allocate gateway (10.62.0.255): Address already in use");
        assertThat(error(post("/networks/create", ipam("{\"Subnet\":\"10.67.0.0/24\",\"AuxiliaryAddresses\":{\"a\":\"10.67.0.1\"}}"))))
                .isEqualTo("500 failed to allocate secondary ip address (a:10.67.0.1): Address already in use");
        String name = unique("free");
        create("{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.67.0.0/24\"}]}}");
        remove(name);
    }

    @Test
    void ipv6WithAUserSubnetOrFromTheUlaPool() {
        String withSubnet = unique("v6");
        create("{\"Name\":\"" + withSubnet + "\",\"EnableIPv6\":true,\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00:77::/64\"}]}}");
        List<Map<String, Object>> config = inspect(withSubnet).getList("IPAM.Config");
        assertThat(config).hasSize(2);
        assertThat(config.get(0)).containsKeys("Subnet", "Gateway");
        assertThat(config.get(1)).isEqualTo(Map.of("Subnet", "fd00:77::/64"));
        String ula = unique("v6");
        create("{\"Name\":\"" + ula + "\",\"EnableIPv6\":true}");
        List<Map<String, Object>> auto = inspect(ula).getList("IPAM.Config");
        assertThat((String) auto.get(1).get("Subnet")).matches("fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}(:[0-9a-f]{1,4})?::/64");
        assertThat((String) auto.get(1).get("Gateway")).endsWith("::1");
        remove(withSubnet);
        remove(ula);
    }

    @Test
    void enableIpv4FollowsTheApiVersion() {
        String v6only = unique("v6only");
        create48("{\"Name\":\"" + v6only + "\",\"EnableIPv4\":false,\"EnableIPv6\":true}", "/v1.48");
        JsonPath at148 = new JsonPath(api().get("/v1.48/networks/" + v6only).asString());
        assertThat(at148.getBoolean("EnableIPv4")).isFalse();
        assertThat(at148.getList("IPAM.Config.Subnet", String.class)).allMatch(s -> s.contains(":"));
        assertThat(api().get("/v1.47/networks/" + v6only).asString()).doesNotContain("EnableIPv4");
        String ignored = unique("v4old");
        create48("{\"Name\":\"" + ignored + "\",\"EnableIPv4\":false,\"EnableIPv6\":true}", "/v1.47");
        assertThat(new JsonPath(api().get("/v1.48/networks/" + ignored).asString()).getBoolean("EnableIPv4")).isTrue();
        assertThat(error(post("/v1.48/networks/create", "{\"Name\":\"x\",\"EnableIPv4\":false}")))
                .isEqualTo("400 IPv4 or IPv6 must be enabled");
        remove(v6only);
        remove(ignored);
    }

    private void create48(String body, String prefix) {
        post(prefix + "/networks/create", body).then().statusCode(201);
    }

    @Test
    void configurationOnlyNetworksAndNetworksMadeFromThem() {
        String config = unique("cfg");
        create("{\"Name\":\"" + config + "\",\"ConfigOnly\":true,\"Driver\":\"whatever\",\"Labels\":{\"l\":\"1\"},"
                + "\"Options\":{\"com.docker.network.bridge.enable_icc\":\"false\"},"
                + "\"IPAM\":{\"Config\":[{\"Subnet\":\"10.81.0.0/24\",\"Gateway\":\"10.81.0.254\"}]}}");
        JsonPath placeholder = inspect(config);
        assertThat(placeholder.getString("Driver")).isEqualTo("null");
        assertThat(placeholder.getBoolean("ConfigOnly")).isTrue();
        String other = unique("cfg-other");
        create("{\"Name\":\"" + other + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.81.0.0/24\"}]}}");
        remove(other);

        String child = unique("child");
        create("{\"Name\":\"" + child + "\",\"ConfigFrom\":{\"Network\":\"" + config + "\"},\"Internal\":true}");
        JsonPath made = inspect(child);
        assertThat(made.getString("ConfigFrom.Network")).isEqualTo(config);
        assertThat(made.getString("Driver")).isEqualTo("bridge");
        assertThat(made.getList("IPAM.Config")).containsExactly(Map.of("Subnet", "10.81.0.0/24", "Gateway", "10.81.0.254"));
        assertThat(made.getMap("Options")).containsEntry("com.docker.network.bridge.enable_icc", "false");
        assertThat(made.getMap("Labels")).containsEntry("l", "1");
        assertThat(error(post("/networks/create", "{\"Name\":\"" + unique("c2") + "\",\"ConfigFrom\":{\"Network\":\""
                + config + "\"}}"))).isEqualTo("403 Pool overlaps with other one on this address space");
        assertThat(error(api().delete("/networks/" + config)))
                .isEqualTo("403 error while removing network: configuration network \"" + config + "\" is in use");
        remove(child);
        remove(config);
    }

    @Test
    void configurationNetworkRules() {
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"ConfigOnly\":true,\"Internal\":true}")))
                .isEqualTo("403 configuration network can only contain network specific fields. Network operator "
                        + "fields like [ ingress | internal | attachable | scope ] are not supported.");
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"ConfigOnly\":true,\"ConfigFrom\":{\"Network\":\"y\"}}")))
                .isEqualTo("403 a configuration network cannot depend on another configuration network");
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"ConfigFrom\":{\"Network\":\"y\"},\"Labels\":{\"a\":\"b\"}}")))
                .isEqualTo("403 user specified configurations are not supported if the network depends on a "
                        + "configuration network");
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"ConfigFrom\":{\"Network\":\"y\"},\"Options\":{\"a\":\"b\"}}")))
                .isEqualTo("403 network driver options are not supported if the network depends on a configuration "
                        + "network");
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"ConfigFrom\":{\"Network\":\"nosuch\"}}")))
                .isEqualTo("404 configuration network \"nosuch\" does not exist");
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"ConfigFrom\":{\"Network\":\"bridge\"}}")))
                .isEqualTo("404 configuration network \"bridge\" does not exist");
    }

    /**
     * {@code 1.2.3} and {@code 010.0.0.1} are not addresses (Go's net.ParseIP and netip.ParseAddr refuse them), in
     * the words netdock uses for any other non-address: Docker 28's ({@code invalid address}; Docker 20.10 words it
     * {@code invalid gateway address 010.70.0.1 in Ipam configuration}).
     */
    @Test
    void addressesAreReadStrictlyWithDockersWords() {
        for (String bad : new String[] {"1.2.3", "010.0.0.1"}) {
            assertThat(error(post("/networks/create", options("com.docker.network.bridge.host_binding_ipv4", bad))))
                    .isEqualTo("400 failed to parse com.docker.network.bridge.host_binding_ipv4 value: " + bad
                            + " (nil ip)");
        }
        for (String bad : new String[] {"010.70.0.1", "10.70.1"}) {
            assertThat(error(post("/networks/create", "{\"Name\":\"strict-gw\",\"IPAM\":{\"Config\":[{"
                    + "\"Subnet\":\"10.70.0.0/24\",\"Gateway\":\"" + bad + "\"}]}}")))
                    .isEqualTo("400 invalid network config:\ninvalid gateway " + bad + ": invalid address");
        }
        assertThat(error(post("/networks/create", "{\"Name\":\"strict-aux\",\"IPAM\":{\"Config\":[{\"Subnet\":"
                + "\"10.70.0.0/24\",\"AuxiliaryAddresses\":{\"a\":\"10.70.0.05\"}}]}}")))
                .isEqualTo("400 invalid network config:\ninvalid auxiliary address a: invalid address");
    }

    @Test
    void bridgeDriverOptionsAreCheckedAndTheBridgeNameIsAKernelName() {
        // Docker answers these with 500 (the kernel's or strconv's error passed on); bad input is a 400 here
        assertThat(error(post("/networks/create", options("com.docker.network.bridge.name", "averyveryverylongname"))))
                .isEqualTo("400 invalid bridge name \"averyveryverylongname\": an interface name is at most 15 bytes "
                        + "(numerical result out of range)");
        assertThat(error(post("/networks/create", options("com.docker.network.bridge.name", "ääääääää"))))
                .as("8 characters but 16 bytes").startsWith("400 invalid bridge name");
        for (String bad : new String[] {"nw bad", "nw/bad", "nw:bad", ".", ".."}) {
            assertThat(error(post("/networks/create", options("com.docker.network.bridge.name", bad))))
                    .as(bad).isEqualTo("400 invalid bridge name " + io.netdock.go.Strconv.quote(bad)
                            + ": an interface name has no whitespace, '/' or ':' and is not \".\" or \"..\" "
                            + "(invalid argument)");
        }
        assertThat(error(post("/networks/create", options("com.docker.network.driver.mtu", "abc"))))
                .isEqualTo("400 failed to parse com.docker.network.driver.mtu value: abc (strconv.Atoi: parsing "
                        + "\"abc\": invalid syntax)");
        for (String bad : new String[] {"-5", "1", "67", "65536"}) {
            assertThat(error(post("/networks/create", options("com.docker.network.driver.mtu", bad)))).as(bad)
                    .isEqualTo("400 invalid MTU number: " + bad + " (a bridge's MTU is 68 to 65535)");
        }
        assertThat(error(post("/networks/create", options("com.docker.network.bridge.enable_icc", "maybe"))))
                .isEqualTo("400 failed to parse com.docker.network.bridge.enable_icc value: maybe "
                        + "(strconv.ParseBool: parsing \"maybe\": invalid syntax)");
        assertThat(error(post("/networks/create", options("com.docker.network.bridge.host_binding_ipv4", "notip"))))
                .isEqualTo("400 failed to parse com.docker.network.bridge.host_binding_ipv4 value: notip (nil ip)");

        String first = unique("br");
        String firstId = create(options(first, "com.docker.network.bridge.name", "brückе-ü"));
        assertThat(service.get(first).bridge().bridgeName()).isEqualTo("brückе-ü");
        Response clash = post("/networks/create", options("com.docker.network.bridge.name", "brückе-ü"));
        assertThat(error(clash)).matches("403 cannot create network [0-9a-f]{64} \\(brückе-ü\\): conflicts with "
                + "network " + firstId + " \\(brückе-ü\\): networks have same bridge name");
        assertThat(error(post("/networks/create", options("com.docker.network.bridge.name", "docker0"))))
                .contains("networks have same bridge name");
        remove(first);
    }

    @Test
    void theDefaultBridgeNameIsBrAndTwelveHexAndTheKernelIsAskedForIt() {
        String name = unique("kern");
        String id = createNamed(name);
        org.mockito.Mockito.verify(plumbing).setUpNetwork(org.mockito.ArgumentMatchers.argThat(
                bridge -> bridge.networkId().equals(id) && bridge.bridgeName().equals("br-" + id.substring(0, 12))));
        remove(name);
        org.mockito.Mockito.verify(plumbing).tearDownNetwork(org.mockito.ArgumentMatchers.argThat(
                bridge -> bridge.networkId().equals(id)));
    }

    @Test
    void unicodeNamesAndLabelsAreKeptExactly() {
        String name = unique("ünïcødé-网络-🐳");
        create("{\"Name\":\"" + name + "\",\"Labels\":{\"ключ\":\"значение 🐳\",\"empty\":\"\",\"nul\":null}}");
        JsonPath network = inspect(name);
        assertThat(network.getString("Name")).isEqualTo(name);
        assertThat(network.getMap("Labels")).isEqualTo(Map.of("ключ", "значение 🐳", "empty", "", "nul", ""));
        remove(name);
    }

    @Test
    void hostileBodies() {
        assertThat(error(post("/networks/create", "{\"Name\":\"x\",\"Labels\":{\"a\":1}}")))
                .startsWith("400 invalid JSON: json: cannot unmarshal number into Go struct field NetworkCreateRequest.Labels");
        assertThat(error(post("/networks/create", "{\"Name\":5}")))
                .startsWith("400 invalid JSON: json: cannot unmarshal number into Go struct field NetworkCreateRequest.Name");
        assertThat(error(post("/networks/create", "{\"Name\":\"bad\\u0000name\"}")))
                .isEqualTo("400 invalid name: a network name cannot contain a NUL character");
        assertThat(error(post("/networks/create", "{bad"))).startsWith("400 invalid JSON:");
        assertThat(error(post("/networks/create", "{\"Name\":\"" + "ü".repeat(513) + "\"}")))
                .isEqualTo("400 invalid name: a network name is at most 1024 bytes long");
        String longest = "n".repeat(1024);
        post("/networks/create", "{\"Name\":\"" + longest + "\"}").then().statusCode(201);
        remove(longest);
        String lower = unique("lower");
        post("/networks/create", "{\"name\":\"" + lower + "\",\"labels\":{\"k\":\"v\"}}").then().statusCode(201);
        assertThat(inspect(lower).getMap("Labels")).isEqualTo(Map.of("k", "v"));
        remove(lower);
    }

    @Test
    void aFailedCreateLeavesNothingBehind() {
        String name = unique("atomic");
        assertThat(error(post("/networks/create", "{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":"
                + "\"10.98.0.0/24\",\"AuxiliaryAddresses\":{\"a\":\"10.98.0.0\"}}]}}"))).startsWith("500");
        api().get("/networks/" + name).then().statusCode(404);
        create("{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.98.0.0/24\"}]}}");
        remove(name);
    }

    @Test
    void createEmitsAnEvent() {
        String name = unique("ev");
        String id = createNamed(name);
        Event event = events.history().stream().filter(e -> e.actorId().equals(id)).findFirst().orElseThrow();
        assertThat(event.type()).isEqualTo("network");
        assertThat(event.action()).isEqualTo("create");
        assertThat(event.attributes()).isEqualTo(Map.of("name", name, "type", "bridge"));
        remove(id);
        assertThat(events.history()).anyMatch(e -> e.actorId().equals(id) && e.action().equals("destroy")
                && e.attributes().equals(Map.of("name", name, "type", "bridge")));
    }

    private static String ipam(String configs) {
        return "{\"Name\":\"" + unique("ipam") + "\",\"IPAM\":{\"Config\":[" + configs + "]}}";
    }

    private static String options(String key, String value) {
        return options(unique("opt"), key, value);
    }

    private static String options(String name, String key, String value) {
        return "{\"Name\":\"" + name + "\",\"Options\":{\"" + key + "\":\"" + value + "\"}}";
    }
}
