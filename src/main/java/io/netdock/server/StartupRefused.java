package io.netdock.server;

/**
 * netdock will not start with this configuration; {@link StartupRefusedFailureAnalyzer} prints the
 * description and the action instead of a stack trace.
 */
public class StartupRefused extends RuntimeException {

    private final String action;

    public StartupRefused(String description, String action) {
        super(description);
        this.action = action;
    }

    public StartupRefused(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
