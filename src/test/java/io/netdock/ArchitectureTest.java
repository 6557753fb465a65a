package io.netdock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md / STYLE.md, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses NETDOCK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.netdock");

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

    @Test
    void theKernelPortDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.netdock.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.netdock.network..", "io.netdock.container..", "io.netdock.endpoint..",
                        "io.netdock.ipam..", "io.netdock.portmap..", "io.netdock.events..")
                .check(NETDOCK);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("io.netdock.(*)..").should().beFreeOfCycles().check(NETDOCK);
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
