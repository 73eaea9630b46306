package org.colorize.importer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The importer is core: it runs headless (Spark, servers) and imports neither ImageJ nor AWT. */
class ImporterArchitectureTest {
    private static final JavaClasses IMPORTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.colorize.importer");

    @Test
    void importerUsesNoImageJAndNoAwt() {
        noClasses().that().resideInAPackage("org.colorize.importer..")
                .should().dependOnClassesThat().resideInAnyPackage("ij..", "java.awt..")
                .check(IMPORTER);
    }
}
