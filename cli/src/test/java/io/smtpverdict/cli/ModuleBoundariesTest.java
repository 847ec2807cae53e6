package io.smtpverdict.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries as sentences, checked on the main classes of every module (this module's test class path
 * holds them all). A rule that matches no class fails, so a renamed package cannot make a rule pass vacuously.
 */
@AnalyzeClasses(packages = "io.smtpverdict",
        importOptions = {ImportOption.DoNotIncludeTests.class, ModuleBoundariesTest.DoNotIncludeTestJars.class})
final class ModuleBoundariesTest {
    /** Leaves out the test jars on this class path (core's), whose tests are not part of any module's code. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule spi_depends_only_on_the_jdk =
            classes().that().resideInAPackage("io.smtpverdict.spi..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage("io.smtpverdict.spi..", "java..")
                    .because("the contract must not bring any library into a plugin or its host");

    @ArchTest
    static final ArchRule vendors_depend_only_on_the_spi_and_the_jdk =
            classes().that().resideInAPackage("io.smtpverdict.vendor..")
                    .should().onlyDependOnClassesThat()
                    .resideInAnyPackage("io.smtpverdict.spi..", "io.smtpverdict.vendor..", "java..")
                    .because("a vendor plugin compiles against the contract alone");

    @ArchTest
    static final ArchRule vendors_do_not_depend_on_each_other =
            slices().matching("io.smtpverdict.vendor.(*)..").should().notDependOnEachOther()
                    .because("each vendor plugin can be left out without breaking another");

    @ArchTest
    static final ArchRule core_never_depends_on_a_vendor =
            noClasses().that().resideInAPackage("io.smtpverdict.core..")
                    .should().dependOnClassesThat().resideInAPackage("io.smtpverdict.vendor..")
                    .because("the engine finds vendors at run time through ServiceLoader");

    @ArchTest
    static final ArchRule only_the_cli_depends_on_picocli =
            noClasses().that().resideOutsideOfPackage("io.smtpverdict.cli..")
                    .should().dependOnClassesThat().resideInAPackage("picocli..")
                    .because("the library stays free of the command line's dependencies");

    @ArchTest
    static final ArchRule the_readers_sit_between_core_and_cli =
            noClasses().that().resideInAnyPackage("io.smtpverdict.core..", "io.smtpverdict.input..")
                    .should().dependOnClassesThat().resideInAPackage("io.smtpverdict.cli..")
                    .because("the readers are a library the command line uses, not the other way round");

    @ArchTest
    static final ArchRule core_never_depends_on_the_readers =
            noClasses().that().resideInAPackage("io.smtpverdict.core..")
                    .should().dependOnClassesThat().resideInAPackage("io.smtpverdict.input..")
                    .because("the engine classifies text and context; reading inputs is the input module's job");

    @ArchTest
    static final ArchRule no_package_cycles =
            slices().matching("io.smtpverdict.(**)").should().beFreeOfCycles()
                    .because("each package can then be read, tested and sealed on its own");

    @ArchTest
    static final ArchRule guice_stays_in_core_guice =
            noClasses().that().resideOutsideOfPackage("io.smtpverdict.core.guice..")
                    .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
                    .because("Guice is optional: only users of VerdictModule have it on their path");

    @ArchTest
    static final ArchRule other_modules_use_only_the_core_facade =
            noClasses().that().resideOutsideOfPackage("io.smtpverdict.core..")
                    .should().dependOnClassesThat().resideInAnyPackage("io.smtpverdict.core.table..",
                            "io.smtpverdict.core.match..", "io.smtpverdict.core.parse..")
                    .because("core exports only io.smtpverdict.core, core.json and core.guice (its module-info);"
                            + " the bench, the one exception, is not on this class path and gets core.parse by a"
                            + " qualified export");
}
