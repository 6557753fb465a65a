package io.netdock.robustness;

import static org.awaitility.Awaitility.await;

import io.netdock.testing.ChildNetdock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Mixed load against a netdock child process, {@code SIGKILL} in the middle of it, a restart on the same state,
 * then every check: what was acknowledged is there ({@link AcknowledgedState}), and the database, the API and the
 * kernel agree and hold nothing half done ({@link Invariants}).
 */
final class CrashScenario {

    record Outcome(MixedLoad.Result load, List<String> violations, String firstLog, String secondLog) {
    }

    private CrashScenario() {
    }

    /**
     * @param killAfter answers (all clients together) after which the process is killed
     */
    static Outcome run(Path stateDir, List<String> args, DataSource database, int clients, long killAfter, long seed)
            throws Exception {
        return run(stateDir, args, database, clients, killAfter, seed, List::of);
    }

    /** @param moreChecks more violations to look for while the restarted netdock runs (e.g. the real kernel) */
    static Outcome run(Path stateDir, List<String> args, DataSource database, int clients, long killAfter, long seed,
                       Supplier<List<String>> moreChecks) throws Exception {
        ChildNetdock first = ChildNetdock.start(stateDir, "before-crash", args);
        MixedLoad.createSharedNetworks(first.api());
        MixedLoad load = new MixedLoad(clients, 100_000, seed, client -> first.api());
        ExecutorService runner = Executors.newSingleThreadExecutor();
        MixedLoad.Result result;
        try {
            Future<MixedLoad.Result> running = runner.submit(load::run);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> load.answered() >= killAfter || running.isDone());
            first.kill();
            result = running.get(5, TimeUnit.MINUTES);
        } finally {
            runner.shutdownNow();
            first.close();
        }
        try (ChildNetdock second = ChildNetdock.start(stateDir, "after-crash", args)) {
            List<String> violations = new ArrayList<>(AcknowledgedState.check(second.api(), result));
            Invariants.Database db = Invariants.Database.read(database);
            violations.addAll(Invariants.database(db));
            violations.addAll(Invariants.api(second.api(), db, name -> true));
            violations.addAll(Invariants.kernel(second.api(), db, name -> true, true));
            violations.addAll(moreChecks.get());
            return new Outcome(result, violations, first.output(), second.output());
        }
    }
}
