package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.smtpverdict.cli.testingcycle.a.TestingCycleA;
import io.smtpverdict.cli.testingcycle.b.TestingCycleB;
import io.smtpverdict.cli.testingrogue.TestingRogueCli;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.guice.VerdictModule;
import io.smtpverdict.core.testingrogue.TestingRogueCore;
import io.smtpverdict.spi.SmtpReply;
import io.smtpverdict.spi.testingrogue.TestingRogueSpi;
import io.smtpverdict.vendor.generic.GenericPlugin;
import io.smtpverdict.vendor.testingrogue.TestingRogueVendor;
import org.junit.jupiter.api.Test;

/** Proves that each boundary rule can fail: it is checked against small test-only classes that break it. */
final class ModuleBoundariesViolationTest {
    private static final JavaClasses ROGUES = new ClassFileImporter().importClasses(TestingRogueVendor.class,
            TestingRogueCore.class, TestingRogueSpi.class, GenericPlugin.class);

    @Test
    void spiRule_spiClassUsingALibrary_fails() {
        assertThatThrownBy(() -> ModuleBoundariesTest.spi_depends_only_on_the_jdk.check(ROGUES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TestingRogueSpi").hasMessageContaining("ObjectMapper");
    }

    @Test
    void vendorRule_vendorUsingTheEngine_fails() {
        assertThatThrownBy(() -> ModuleBoundariesTest.vendors_depend_only_on_the_spi_and_the_jdk.check(ROGUES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TestingRogueVendor").hasMessageContaining("VerdictEngine");
    }

    @Test
    void vendorSliceRule_vendorUsingAnotherVendor_fails() {
        assertThatThrownBy(() -> ModuleBoundariesTest.vendors_do_not_depend_on_each_other.check(ROGUES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("testingrogue").hasMessageContaining("GenericPlugin");
    }

    @Test
    void coreRule_coreUsingAVendor_fails() {
        assertThatThrownBy(() -> ModuleBoundariesTest.core_never_depends_on_a_vendor.check(ROGUES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TestingRogueCore").hasMessageContaining("GenericPlugin");
    }

    @Test
    void picocliRule_nonCliClassUsingPicocli_fails() {
        assertThatThrownBy(() -> ModuleBoundariesTest.only_the_cli_depends_on_picocli.check(ROGUES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TestingRogueVendor").hasMessageContaining("picocli");
    }

    @Test
    void cycleRule_twoPackagesUsingEachOther_fails() {
        JavaClasses cycle = new ClassFileImporter().importClasses(TestingCycleA.class, TestingCycleB.class);

        assertThatThrownBy(() -> ModuleBoundariesTest.no_package_cycles.check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("testingcycle.a").hasMessageContaining("testingcycle.b");
    }

    @Test
    void guiceRule_classOutsideCoreGuiceUsingGuice_fails() {
        JavaClasses classes = new ClassFileImporter().importClasses(TestingRogueCli.class, VerdictModule.class);

        assertThatThrownBy(() -> ModuleBoundariesTest.guice_stays_in_core_guice.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TestingRogueCli").hasMessageContaining("com.google.inject.Guice")
                .message().doesNotContain("<io.smtpverdict.core.guice.VerdictModule");
    }

    @Test
    void facadeRule_classOutsideCoreUsingCoreParse_fails() {
        JavaClasses classes = new ClassFileImporter().importClasses(TestingRogueCli.class, VerdictEngine.class);

        assertThatThrownBy(() -> ModuleBoundariesTest.other_modules_use_only_the_core_facade.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TestingRogueCli").hasMessageContaining("Normalizer")
                .message().doesNotContain("<io.smtpverdict.core.VerdictEngine");
    }

    @Test
    void spiRule_emptySelection_failsInsteadOfPassingVacuously() {
        JavaClasses none = new ClassFileImporter().importClasses(GenericPlugin.class);

        assertThatThrownBy(() -> ModuleBoundariesTest.spi_depends_only_on_the_jdk.check(none))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    void spiRule_realContractClass_passes() {
        JavaClasses spi = new ClassFileImporter().importClasses(SmtpReply.class);

        assertThatCode(() -> ModuleBoundariesTest.spi_depends_only_on_the_jdk.check(spi)).doesNotThrowAnyException();
    }
}
