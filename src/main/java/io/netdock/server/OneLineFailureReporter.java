package io.netdock.server;

import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A refused start is one line on standard error, what is wrong and what to do, instead of Spring Boot's boxed
 * report (its reporter is silenced in application.properties); with {@code --debug} the stack trace follows.
 */
class OneLineFailureReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println("netdock did not start: " + oneLine(analysis.getDescription()) + ". "
                + oneLine(analysis.getAction()));
        if (LoggerFactory.getLogger("org.springframework.boot").isDebugEnabled() && analysis.getCause() != null) {
            analysis.getCause().printStackTrace();
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ").replaceAll("\\.$", "");
    }
}
