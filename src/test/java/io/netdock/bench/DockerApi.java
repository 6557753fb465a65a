package io.netdock.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker API calls the benchmarks make, over one keep-alive connection ({@link RawHttp}), API 1.41 (what both
 * netdock and the reference Docker 20.10 speak). Every call checks Docker's success status and fails with the
 * daemon's answer otherwise. One instance per client thread.
 */
final class DockerApi implements AutoCloseable {

    private static final String V = "/v1.41";
    private static final Pattern ID = Pattern.compile("\"Id\"\\s*:\\s*\"([0-9a-f]{64})\"");
    private static final Pattern NAME = Pattern.compile("\"Names?\"\\s*:\\s*\\[?\"/?([^\"]+)\"");
    private static final Pattern SUBNET = Pattern.compile("\"Subnet\"\\s*:\\s*\"([^\"]+)\"");

    private final String target;
    private final RawHttp http;

    DockerApi(String target, Path socket) {
        this.target = target;
        this.http = new RawHttp(socket);
    }

    String target() {
        return target;
    }

    void ping() throws IOException {
        expect(http.call("GET", "/_ping", null), 200);
    }

    String createNetwork(String name, String subnet) throws IOException {
        return idOf(expect(http.call("POST", V + "/networks/create",
                "{\"Name\":\"" + name + "\",\"IPAM\":{\"Config\":[{\"Subnet\":\"" + subnet + "\"}]}}"), 201));
    }

    String inspectNetwork(String idOrName) throws IOException {
        return expect(http.call("GET", V + "/networks/" + idOrName, null), 200).body();
    }

    String listNetworks() throws IOException {
        return expect(http.call("GET", V + "/networks", null), 200).body();
    }

    void deleteNetwork(String idOrName) throws IOException {
        expect(http.call("DELETE", V + "/networks/" + idOrName, null), 204);
    }

    /** A container on {@code network}; with {@code publish}, port 80/tcp published on an ephemeral host port. */
    String createContainer(String name, String image, String network, boolean publish) throws IOException {
        String ports = publish ? ",\"ExposedPorts\":{\"80/tcp\":{}}" : "";
        String bindings = publish ? ",\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}]}" : "";
        return idOf(expect(http.call("POST", V + "/containers/create?name=" + name, "{\"Image\":\"" + image
                + "\",\"Cmd\":[\"sleep\",\"3600\"]" + ports + ",\"HostConfig\":{\"NetworkMode\":\"" + network + "\""
                + bindings + "}}"), 201));
    }

    /** A container attached to several networks at create (API 1.44+), the first one its network mode. */
    String createContainerOn(String name, String image, List<String> networks) throws IOException {
        StringBuilder endpoints = new StringBuilder();
        for (String network : networks) {
            endpoints.append(endpoints.length() == 0 ? "" : ",").append('"').append(network).append("\":{}");
        }
        return idOf(expect(http.call("POST", "/v1.44/containers/create?name=" + name, "{\"Image\":\"" + image
                + "\",\"Cmd\":[\"sleep\",\"3600\"],\"HostConfig\":{\"NetworkMode\":\"" + networks.get(0)
                + "\"},\"NetworkingConfig\":{\"EndpointsConfig\":{" + endpoints + "}}}"), 201));
    }

    void connect(String network, String container) throws IOException {
        expect(http.call("POST", V + "/networks/" + network + "/connect", "{\"Container\":\"" + container + "\"}"), 200);
    }

    void disconnect(String network, String container) throws IOException {
        expect(http.call("POST", V + "/networks/" + network + "/disconnect", "{\"Container\":\"" + container + "\"}"),
                200);
    }

    void start(String container) throws IOException {
        expect(http.call("POST", V + "/containers/" + container + "/start", null), 204);
    }

    void stop(String container) throws IOException {
        expect(http.call("POST", V + "/containers/" + container + "/stop?t=0", null), 204);
    }

    void remove(String container, boolean force) throws IOException {
        expect(http.call("DELETE", V + "/containers/" + container + (force ? "?force=1" : ""), null), 204);
    }

    String inspectContainer(String container) throws IOException {
        return expect(http.call("GET", V + "/containers/" + container + "/json", null), 200).body();
    }

    String listContainers() throws IOException {
        return expect(http.call("GET", V + "/containers/json?all=1", null), 200).body();
    }

    /** Names of the containers (all states) whose name contains {@code fragment}. */
    List<String> containerNamesContaining(String fragment) throws IOException {
        return matches(NAME, expect(http.call("GET", V + "/containers/json?all=1&filters="
                + encode("{\"name\":{\"" + fragment + "\":true}}"), null), 200).body());
    }

    /** Names of the networks whose name contains {@code fragment}. */
    List<String> networkNamesContaining(String fragment) throws IOException {
        return matches(NAME, expect(http.call("GET", V + "/networks?filters="
                + encode("{\"name\":{\"" + fragment + "\":true}}"), null), 200).body());
    }

    /** Every subnet of every network the daemon has. */
    List<String> subnetsInUse() throws IOException {
        return matches(SUBNET, listNetworks());
    }

    static int countIds(String body) {
        int count = 0;
        for (Matcher m = ID.matcher(body); m.find(); ) {
            count++;
        }
        return count;
    }

    private static List<String> matches(Pattern pattern, String body) {
        List<String> found = new ArrayList<>();
        for (Matcher m = pattern.matcher(body); m.find(); ) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private RawHttp.Response expect(RawHttp.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(target + " answered " + response.status() + " (expected " + status + "): "
                    + response.body().strip());
        }
        return response;
    }

    private static String idOf(RawHttp.Response response) {
        Matcher m = ID.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no Id in " + response.body());
        }
        return m.group(1);
    }

    @Override
    public void close() {
        http.close();
    }
}
