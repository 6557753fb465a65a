package io.netdock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md (packages by feature, one-way dependencies), checked on every build as an allow-list:
 * each top-level package of {@code io.netdock} may use only the netdock packages {@link #MAY_USE} names for it
 * (its own sub-packages, such as {@code web}, always), and every top-level package must be named there.
 *
 * <p><b>Adding a package</b> (e.g. {@code io.netdock.dns}, or {@code io.netdock.process} for process supervision)
 * is one line in {@link #MAY_USE}: {@code Map.entry("dns", Set.of("error", "net", ...))}, listing what it may use;
 * a feature that starts using it adds its name to its own line. Anything else fails here with the offending
 * classes named.
 */
class ArchitectureTest {

    private static final JavaClasses NETDOCK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.netdock");

    /** Top-level package → the other top-level packages it may use. */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            // leaves: rules and values every feature may share
            Map.entry("error", Set.of()),
            Map.entry("go", Set.of("error")),
            Map.entry("net", Set.of()),
            Map.entry("store", Set.of()),
            Map.entry("rollback", Set.of()),
            Map.entry("filters", Set.of("error", "go")),
            Map.entry("archive", Set.of("go")),
            Map.entry("dnsfiles", Set.of("error", "go", "net")),
            // the edge and the machine
            Map.entry("settings", Set.of()),
            Map.entry("server", Set.of("settings")),
            Map.entry("api", Set.of("error", "go", "kernel", "server")),
            Map.entry("kernel", Set.of("net", "rollback", "server")),
            // features
            Map.entry("events", Set.of("api", "error", "filters", "go", "store")),
            Map.entry("ipam", Set.of("error", "net")),
            Map.entry("portmap", Set.of("error", "kernel", "net", "server", "store")),
            Map.entry("system", Set.of("api", "events", "ipam", "kernel", "server")),
            Map.entry("image", Set.of("api", "error", "events", "filters", "go", "store", "system")),
            Map.entry("network", Set.of("api", "error", "events", "filters", "go", "ipam", "kernel", "net", "rollback",
                    "store", "system")),
            Map.entry("endpoint", Set.of("error", "events", "ipam", "kernel", "net", "network", "rollback", "store")),
            Map.entry("process", Set.of("error", "go", "kernel", "server")),
            Map.entry("container", Set.of("api", "archive", "dnsfiles", "endpoint", "error", "events", "filters",
                    "go", "image", "kernel", "net", "network", "portmap", "process", "rollback", "server", "store",
                    "system")),
            Map.entry("exec", Set.of("api", "container", "error", "go", "process")),
            Map.entry("dns", Set.of("container", "dnsfiles", "endpoint", "error", "kernel", "net", "network", "server")),
            // routes Docker has and netdock answers without a feature behind them
            Map.entry("build", Set.of("api", "filters")),
            Map.entry("plugin", Set.of("filters")),
            Map.entry("swarm", Set.of("error")),
            Map.entry("volume", Set.of("api", "error", "filters")));

    @Test
    void everyTopLevelPackageIsInTheAllowList() {
        Set<String> packages = NETDOCK.stream().map(ArchitectureTest::feature).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(MAY_USE.keySet()).as("add a line to MAY_USE for each new package")
                .containsAll(packages);
    }

    @Test
    void eachPackageUsesOnlyThePackagesItNames() {
        List<String> violations = new ArrayList<>();
        MAY_USE.forEach((feature, allowed) -> {
            EvaluationResult result = noClasses().that().resideInAPackage("io.netdock." + feature + "..")
                    .should().dependOnClassesThat(netdockOutside(feature, allowed))
                    .allowEmptyShould(true)
                    .evaluate(NETDOCK);
            if (result.hasViolation()) {
                violations.add(result.getFailureReport().toString());
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheKernelUsesItsImplementations() {
        noClasses().that().resideOutsideOfPackage("io.netdock.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netdock.kernel.spi..",
                        "io.netdock.kernel.linux..", "io.netdock.kernel.simulated..", "io.netdock.kernel.bridge..",
                        "io.netdock.kernel.wiring..")
                .check(NETDOCK);
    }

    @Test
    void theKernelImplementationsKnowOnlyThePortAndTheVerbs() {
        noClasses().that().resideInAnyPackage("io.netdock.kernel", "io.netdock.kernel.spi..",
                        "io.netdock.kernel.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netdock.kernel.linux..",
                        "io.netdock.kernel.simulated..", "io.netdock.kernel.bridge..", "io.netdock.kernel.wiring..")
                .check(NETDOCK);
        noClasses().that().resideInAnyPackage("io.netdock.kernel.linux..", "io.netdock.kernel.simulated..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netdock.kernel.bridge..",
                        "io.netdock.kernel.wiring..")
                .check(NETDOCK);
    }

    @Test
    void onlyTheLinuxKernelDriverTouchesJna() {
        noClasses().that().resideOutsideOfPackage("io.netdock.kernel.linux..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(NETDOCK);
    }

    @Test
    void onlyTheWebEdgeSeesHttp() {
        noClasses().that().resideOutsideOfPackages("io.netdock.api..", "io.netdock..web..", "io.netdock.server..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..", "org.eclipse.jetty..")
                .check(NETDOCK);
    }

    @Test
    void theDomainDoesNotKnowTheWireFormat() {
        noClasses().that().resideOutsideOfPackages("io.netdock.api..", "io.netdock..web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netdock.api..", "io.netdock..web..")
                .check(NETDOCK);
    }

    /** Every package is a slice of its own: no cycle between features, nor between a package and its parts. */
    @Test
    void noPackagesFormACycleAtAnyDepth() {
        slices().matching("io.netdock.(**)").should().beFreeOfCycles().check(NETDOCK);
    }

    /** Go's rules live in {@code io.netdock.go}, once; a {@code Go*} helper anywhere else is a second copy. */
    @Test
    void goRulesLiveInTheGoPackage() {
        classes().that().haveSimpleNameStartingWith("Go").and().areTopLevelClasses()
                .should().resideInAPackage("io.netdock.go")
                .check(NETDOCK);
    }

    /**
     * Go's error texts are written in {@code io.netdock.go} only: a string literal naming a {@code strconv}
     * function or a {@code json: cannot unmarshal} elsewhere builds Go's words by hand again.
     */
    @Test
    void goErrorTextsAreWrittenOnlyInTheGoPackage() throws IOException {
        Pattern goText = Pattern.compile("\"[^\"\\n]*(strconv\\.|cannot unmarshal)");
        Path sources = Path.of("src/main/java/io/netdock");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(sources.resolve("go")))
                    .filter(file -> goText.matcher(read(file)).find())
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    /** The top-level package under {@code io.netdock} ({@code kernel} for {@code io.netdock.kernel.spi}). */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("io.netdock.")) {
            return "";
        }
        String rest = name.substring("io.netdock.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static DescribedPredicate<JavaClass> netdockOutside(String feature, Set<String> allowed) {
        return DescribedPredicate.describe("netdock classes outside " + feature + " and " + allowed,
                type -> type.getPackageName().startsWith("io.netdock")
                        && !feature.equals(feature(type)) && !allowed.contains(feature(type)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
