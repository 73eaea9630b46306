package org.colorize.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep one UI-free core: the packages on the data path import neither ImageJ nor
 * AWT (front ends and the {@code ij} adapter do), and no two packages depend on each other.
 */
class ArchitectureTest {
    /** The core: everything a Spark job or a headless library user needs. */
    static final String[] CORE = {
        "org.colorize", "org.colorize.runtime..", "org.colorize.files..", "org.colorize.color..", "org.colorize.image..",
        "org.colorize.model..", "org.colorize.pipeline..", "org.colorize.nn..", "org.colorize.train..",
        "org.colorize.eval..", "org.colorize.detect..", "org.colorize.importer..",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.colorize");
    }

    @Test
    void coreImportsNoImageJ() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("ij..")
                .because("ImageJ types live only in the front ends and the ij adapter")
                .check(classes);
    }

    @Test
    void coreImportsNoAwt() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..")
                .because("the core runs where there is no display toolkit (Spark executors, servers)")
                .check(classes);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("org.colorize.(**)").should().beFreeOfCycles().check(classes);
    }
}
