package io.netdock.api;

/** How netdock names itself to clients: the {@code Server} header and the version reports. */
public record ServerIdentity(String version, String osType) {

    public String serverHeader() {
        return "netdock/" + version + " (" + osType + ")";
    }
}
