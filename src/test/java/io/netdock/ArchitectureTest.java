package io.netdock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
