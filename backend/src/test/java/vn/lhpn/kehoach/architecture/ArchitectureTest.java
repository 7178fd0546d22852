package vn.lhpn.kehoach.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.ProjectRoot;

/**
 * The shape of the backend as rules a build can fail on (docs/adr/0004): features depend one way
 * (export → summary → progress → submission → allocation → plan → orgunit; period → plan;
 * allocation asks submission only through its own interface), every feature may use security and
 * common, security uses only common, common uses no feature; services never import a REST package;
 * no package cycles; no production class needs the sample-data generators; no class in main or demo
 * over 400 lines.
 */
class ArchitectureTest {
  static final String ROOT = "vn.lhpn.kehoach";
  static JavaClasses main;

  @BeforeAll
  static void importMain() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  static String pkg(String feature) {
    return ROOT + "." + feature + "..";
  }

  /** A feature may use the ones listed after it in this rule, never one before it. */
  static ArchRule mayNotUse(String feature, String... others) {
    return noClasses()
        .that()
        .resideInAPackage(pkg(feature))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(Stream.of(others).map(ArchitectureTest::pkg).toArray(String[]::new))
        .because(feature + " sits below " + String.join(", ", others));
  }

  @Test
  void featuresDependOneWay() {
    mayNotUse(
            "common",
            "security",
            "orgunit",
            "me",
            "plan",
            "period",
            "allocation",
            "submission",
            "progress",
            "summary",
            "export")
        .check(main);
    mayNotUse(
            "security",
            "orgunit",
            "me",
            "plan",
            "period",
            "allocation",
            "submission",
            "progress",
            "summary",
            "export")
        .check(main);
    mayNotUse(
            "orgunit",
            "me",
            "plan",
            "period",
            "allocation",
            "submission",
            "progress",
            "summary",
            "export")
        .check(main);
    mayNotUse("plan", "me", "period", "allocation", "submission", "progress", "summary", "export")
        .check(main);
    mayNotUse("period", "me", "allocation", "submission", "progress", "summary", "export")
        .check(main);
    // allocation asks submission only through ReportedResults, an interface allocation owns
    mayNotUse("allocation", "me", "period", "submission", "progress", "summary", "export")
        .check(main);
    // submission tells progress through an event it owns (SubmissionChanged), never by a call
    mayNotUse("submission", "me", "progress", "summary", "export").check(main);
    // the written report and the workbook read progress; progress knows neither
    mayNotUse("progress", "me", "summary", "export").check(main);
    mayNotUse("summary", "me", "export").check(main);
    // accounts use units and the vocabulary of roles; no feature uses accounts
    mayNotUse("account", "plan", "period", "allocation", "submission", "progress", "summary")
        .check(main);
    for (String feature :
        List.of(
            "common",
            "security",
            "orgunit",
            "me",
            "plan",
            "period",
            "allocation",
            "submission",
            "progress",
            "summary",
            "export")) {
      mayNotUse(feature, "account").check(main);
    }
    // reminders read periods, reports, targets, accounts and preferences; nothing reads them
    for (String feature :
        List.of(
            "common",
            "security",
            "orgunit",
            "me",
            "plan",
            "period",
            "allocation",
            "submission",
            "progress",
            "summary",
            "export",
            "account")) {
      mayNotUse(feature, "reminder").check(main);
    }
    // the flags of figures read plans, reports, targets and units; nothing reads them
    for (String feature :
        List.of(
            "common",
            "security",
            "orgunit",
            "me",
            "plan",
            "period",
            "allocation",
            "submission",
            "progress",
            "summary",
            "export",
            "account",
            "reminder")) {
      mayNotUse(feature, "quality").check(main);
    }
    mayNotUse("quality", "me", "progress", "summary", "export", "account", "reminder").check(main);
    // thi đua reads plans, figures, targets, units and the Word layout; nothing reads it
    for (String feature :
        List.of(
            "common",
            "security",
            "orgunit",
            "me",
            "plan",
            "period",
            "allocation",
            "submission",
            "progress",
            "summary",
            "export",
            "account",
            "reminder",
            "quality")) {
      mayNotUse(feature, "emulation").check(main);
    }
  }

  /**
   * The sample-data generators (src/demo/java, left out of a production build) sit above every
   * feature and write through the tables' owners: no production class may need them, or a
   * production build would not compile.
   */
  @Test
  void nothingNeedsTheSampleData() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("demo"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("demo"))
        .because("the generators are left out of a production build (-Dproduction)")
        .check(main);
  }

  @Test
  void servicesAndDomainNeverImportRest() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + "..rest..")
        .because("services, entities and DTOs do not depend on the HTTP layer")
        .check(main);
  }

  @Test
  void noPackageCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(main);
  }

  @Test
  void noClassInMainOver400Lines() throws IOException {
    Path backend = ProjectRoot.get().resolve("backend");
    List<String> tooLong;
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(backend.resolve("src/main/java")),
            Files.walk(backend.resolve("src/demo/java")))) {
      tooLong =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> lines(p) > 400)
              .map(p -> backend.relativize(p) + " (" + lines(p) + " lines)")
              .toList();
    }
    assertEquals(List.of(), tooLong, "classes over 400 lines");
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
