package io.netdock.server;

import java.nio.file.Path;

/** What a starting netdock is, in the one line it logs first. */
record StartupSummary(String mode, Path socket, String tcpAddress, int tcpPort, String databaseUrl,
                      String databaseUser, Path stateDirectory) {

    String line() {
        return "netdock: " + mode.toLowerCase(java.util.Locale.ROOT) + " mode, socket " + socket + ", TCP "
                + tcpAddress + ":" + (tcpPort == 0 ? "<a free port>" : tcpPort) + ", database " + database()
                + ", state directory " + stateDirectory;
    }

    /** The database without credentials or tuning parameters: H2's file, or the JDBC URL and user. */
    private String database() {
        String url = databaseUrl.replaceFirst("[;?].*$", "");
        if (url.startsWith("jdbc:h2:file:")) {
            return "H2 " + Path.of(url.substring("jdbc:h2:file:".length())).toAbsolutePath().normalize();
        }
        return url + (databaseUser.isEmpty() ? "" : " as " + databaseUser);
    }
}
