package dev.errata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/** Keeps the pipeline's direction honest: each package uses only the packages below it. */
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

  /**
   * The pipeline, bottom to top: versions and the model; reading pasted text; word search; the
   * matcher; then the stages that use it (checks, evaluation, the index files); content reading
   * and Markdown beside them; rendering; one build; the workspace the commands open; the CLI.
   */
  @Test
  void layersOnlyUseLayersBelowThem() {
    Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("errors").definedBy("dev.errata")
        .layer("version").definedBy("dev.errata.version..")
        .layer("model").definedBy("dev.errata.model..")
        .layer("text").definedBy("dev.errata.text..")
        .layer("search").definedBy("dev.errata.search..")
        .layer("match").definedBy("dev.errata.match..")
        .layer("check").definedBy("dev.errata.check..")
        .layer("eval").definedBy("dev.errata.eval..")
        .layer("index").definedBy("dev.errata.index..")
        .layer("draft").definedBy("dev.errata.draft..")
        .layer("content").definedBy("dev.errata.content..")
        .layer("markdown").definedBy("dev.errata.markdown..")
        .layer("render").definedBy("dev.errata.render..")
        .layer("site").definedBy("dev.errata.site..")
        .layer("workspace").definedBy("dev.errata.workspace..")
        .layer("serve").definedBy("dev.errata.serve..")
        .layer("cli").definedBy("dev.errata.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("workspace").mayOnlyBeAccessedByLayers("cli", "serve")
        .whereLayer("site").mayOnlyBeAccessedByLayers("workspace", "serve", "cli")
        .whereLayer("render").mayOnlyBeAccessedByLayers("site")
        .whereLayer("markdown").mayOnlyBeAccessedByLayers("render", "site", "workspace")
        .whereLayer("content").mayOnlyBeAccessedByLayers("site", "workspace", "cli")
        .whereLayer("index").mayOnlyBeAccessedByLayers("site", "workspace", "cli")
        .whereLayer("eval").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("check").mayOnlyBeAccessedByLayers("site", "cli")
        .whereLayer("draft").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("match").mayOnlyBeAccessedByLayers("check", "eval", "index", "site", "workspace", "cli")
        .whereLayer("search").mayOnlyBeAccessedByLayers("match", "eval", "index", "site", "workspace", "cli")
        .whereLayer("text").mayOnlyBeAccessedByLayers("search", "match", "eval", "index", "draft", "content", "site", "workspace", "cli")
        .check(CLASSES);
  }

  @Test
  void theMatcherAndItsHelpersReadNoFiles() {
    noClasses().that().resideInAnyPackage("dev.errata.text..", "dev.errata.search..", "dev.errata.match..", "dev.errata.draft..")
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
        .because("the matcher is a library: reading files is for eval, index, site and the CLI")
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
