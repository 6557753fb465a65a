package io.netdock.exec;

import java.util.List;

/** Docker's {@code ExecConfig} as sent to {@code POST /containers/{id}/exec}. */
public record ExecConfig(List<String> cmd, List<String> env, String user, String workingDir, boolean attachStdin,
                         boolean attachStdout, boolean attachStderr, boolean tty, boolean privileged,
                         String detachKeys) {
}
