package dev.errata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the pipeline's direction honest: content -> model -> check/match/index -> render -> site -> cli. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.errata");

  @Test
  void modelUsesNoLibraryTypes() {
    noClasses().that().resideInAPackage("dev.errata.model..")
        .should().dependOnClassesThat().resideInAnyPackage("com.vladsch..", "com.fasterxml..", "freemarker..", "picocli..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCliKnowsPicocli() {
    noClasses().that().resideOutsideOfPackage("dev.errata.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..").check(CLASSES);
  }

  @Test
  void stagesDoNotReachForward() {
    noClasses().that().resideInAnyPackage("dev.errata.model..", "dev.errata.version..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.errata.content..", "dev.errata.check..", "dev.errata.match..",
            "dev.errata.index..", "dev.errata.render..", "dev.errata.site..", "dev.errata.cli..")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("dev.errata.content..", "dev.errata.check..", "dev.errata.match..", "dev.errata.index..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.errata.render..", "dev.errata.site..", "dev.errata.cli..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.errata.render..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.errata.site..", "dev.errata.cli..")
        .check(CLASSES);
  }

  @Test
  void onlyMainExitsTheProcess() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.errata.cli.Main")
        .should().callMethod(System.class, "exit", int.class).check(CLASSES);
  }

  @Test
  void nothingUsesJavaIoFile() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.errata.render.Templates")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.io.File").check(CLASSES);
  }
}
