package io.openvod.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules, checked on the compiled main classes of every module: the web
 * framework only in {@code http} packages, JDBI only in the SQL adapters (and the database classes
 * that open a pool), and no cycle between the packages of a service (each package a slice).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Main classes only: each module's target/classes or its jar, never test classes or test jars.
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("io.openvod");
    }

    @Test
    void onlyHttpPackagesUseTheWebFramework() {
        noClasses().that().resideOutsideOfPackage("..http..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .because("handlers translate HTTP; the domain does not know it")
                .check(classes);
    }

    @Test
    void onlyAdaptersUseJdbi() {
        noClasses().that().haveSimpleNameNotStartingWith("Sql")
                .and().resideOutsideOfPackages("io.openvod.core.sql..", "io.openvod.platform.sql..", "io.openvod.app.store..")
                .should().dependOnClassesThat().resideInAPackage("org.jdbi..")
                .because("the domain, the engines and the handlers use ports; only their SQL adapters know JDBI")
                .check(classes);
    }

    @Test
    void thePlatformsPackagesHaveNoCycle() {
        slices().matching("io.openvod.platform.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theAppsPackagesHaveNoCycle() {
        slices().matching("io.openvod.app.(**)").should().beFreeOfCycles().check(classes);
    }
}
