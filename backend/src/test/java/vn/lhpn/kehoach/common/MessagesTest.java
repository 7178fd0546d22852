package vn.lhpn.kehoach.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.ProjectRoot;

/**
 * The problems' messages (docs/adr/0018): the catalog complete in both languages, the caller's
 * language read from Accept-Language, the older two-language texts cut to one side, and the number
 * of those older texts only ever going down.
 */
class MessagesTest {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  @Test
  void everyCodeIsInBothLanguagesWithTheSameParameters() {
    Set<String> vi = Message.catalog(Language.VI).stringPropertyNames();
    Set<String> en = Message.catalog(Language.EN).stringPropertyNames();
    assertEquals(new TreeSet<>(vi), new TreeSet<>(en), "the same codes in vi and en");
    for (String code : vi) {
      String viText = Message.catalog(Language.VI).getProperty(code);
      String enText = Message.catalog(Language.EN).getProperty(code);
      assertTrue(
          params(enText).stream().allMatch(params(viText)::contains),
          code + ": English names no parameter the Vietnamese lacks");
      assertFalse(viText.isBlank() || enText.isBlank(), code + ": a text in each language");
      // "vi / en" is how a caller who named no language reads both: neither side may hold one
      assertFalse(viText.contains(" / ") || enText.contains(" / "), code + ": no ' / ' inside");
    }
  }

  /**
   * Every code the backend's code names is in the catalog (an unknown one would be a 500), as are
   * the names of every state and step of a report, which are looked up by their code.
   */
  @Test
  void everyCodeTheCodeNamesIsInTheCatalog() throws IOException {
    Set<String> known = Message.catalog(Language.VI).stringPropertyNames();
    Set<String> named = new TreeSet<>();
    Pattern literal = Pattern.compile("\"([a-z0-9.-]+)\"");
    Path main = ProjectRoot.get().resolve("backend/src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file);
        int at = code.indexOf("Message.of(");
        while (at >= 0) {
          // the first argument, up to the first comma or the end of the call
          int from = at + "Message.of(".length();
          int end = from;
          while (end < code.length() && code.charAt(end) != ',' && code.charAt(end) != ')') {
            end++;
          }
          Matcher m = literal.matcher(code.substring(from, end));
          while (m.find()) {
            // a part of a code ("state." + state) is checked below
            if (!m.group(1).startsWith(".") && !m.group(1).endsWith(".")) {
              named.add(m.group(1));
            }
          }
          at = code.indexOf("Message.of(", end);
        }
      }
    }
    assertTrue(named.size() > 50, "the scan finds the codes: " + named);
    named.removeAll(known);
    assertEquals(Set.of(), named, "codes named in the code but not in the catalog");
    for (String state : List.of("draft", "returned", "submitted", "approved")) {
      assertTrue(known.contains("state." + state), state);
    }
    for (var action : vn.lhpn.kehoach.submission.service.Workflow.Action.values()) {
      assertTrue(known.contains("action." + action.code), action.code);
    }
    for (String what : List.of("text", "list")) {
      assertTrue(known.contains(what + ".too-long") && known.contains(what + ".size-between"));
    }
  }

  @Test
  void writesAMessageInEitherLanguageOrBoth() {
    Message m = Message.of("submission.exists", "unit", "05908", "period", "2026-H1", "id", 42);
    assertEquals(
        "Đơn vị 05908 đã có báo cáo kỳ 2026-H1 (id 42); hãy sửa báo cáo đó", m.in(Language.VI));
    assertEquals("This unit already has a report for the period (id 42)", m.in(Language.EN));
    assertEquals(m.in(Language.VI) + " / " + m.in(Language.EN), m.inBoth());
    // a message naming another writes it in the same language
    Message field =
        Message.of("field.invalid", "field", "unitCode", "reason", Message.of("required"));
    assertEquals("Field unitCode is not valid: required", field.in(Language.EN));
    assertEquals("Trường 'unitCode' không hợp lệ: bắt buộc", field.in(Language.VI));
    // a text said elsewhere is carried as it is; an older two-language one gives its side
    Message said = Message.of("said", "text", "Chỉ cán bộ kế hoạch được sửa / Only a planner");
    assertEquals("Only a planner", said.in(Language.EN));
    assertEquals("Chỉ cán bộ kế hoạch được sửa", said.in(Language.VI));
    assertEquals("Chỉ cán bộ kế hoạch được sửa / Only a planner", said.inBoth());
    assertThrows(IllegalArgumentException.class, () -> Message.of("no.such.code"));
    assertThrows(IllegalArgumentException.class, () -> Message.of("stale", "odd"));
  }

  @Test
  void readsTheCallersLanguageFromAcceptLanguage() {
    assertEquals(Optional.of(Language.EN), Language.fromAcceptLanguage("en"));
    assertEquals(Optional.of(Language.VI), Language.fromAcceptLanguage("vi-VN,vi;q=0.9,en;q=0.8"));
    assertEquals(
        Optional.of(Language.EN), Language.fromAcceptLanguage("fr, en-GB;q=0.7, vi;q=0.5"));
    assertEquals(Optional.of(Language.VI), Language.fromAcceptLanguage("en;q=0.2, vi;q=0.9"));
    assertEquals(Optional.of(Language.VI), Language.fromAcceptLanguage("en;q=0, vi;q=0.1"));
    assertEquals(Optional.empty(), Language.fromAcceptLanguage("fr-FR, de;q=0.5"));
    assertEquals(Optional.empty(), Language.fromAcceptLanguage("*"));
    assertEquals(Optional.empty(), Language.fromAcceptLanguage(""));
    assertEquals(Optional.empty(), Language.fromAcceptLanguage(null));
    assertEquals(Optional.empty(), Language.fromAcceptLanguage("en;q=abc"));
  }

  @Test
  void cutsAnOlderTextToOneSide() {
    String text = "Chỉ cán bộ kế hoạch được sửa / Only a planner may change it";
    assertEquals("Chỉ cán bộ kế hoạch được sửa", Bilingual.side(text, Language.VI));
    assertEquals("Only a planner may change it", Bilingual.side(text, Language.EN));
    String fields =
        "rows[0].value: không được âm / must not be negative; rows[1].unitCode: lặp / twice";
    assertEquals(
        "rows[0].value: không được âm; rows[1].unitCode: lặp", Bilingual.side(fields, Language.VI));
    assertEquals(
        "rows[0].value: must not be negative; rows[1].unitCode: twice",
        Bilingual.side(fields, Language.EN));
    assertEquals("Không có báo cáo 7", Bilingual.side("Không có báo cáo 7", Language.EN));
    assertEquals(null, Bilingual.side(null, Language.EN));
  }

  /**
   * Every text is in the catalog: no string of the backend's code holds "… / …" but the five that
   * are no message (the joiner of the two languages in {@code Message} and {@code ProblemType}, the
   * split of an older text in {@code Bilingual}, the schema's description of {@code detail}, and
   * the heading "Chỉ tiêu / hoạt động" of the allocation sheet). A new two-language text fails
   * here: it goes to the catalog.
   */
  @Test
  void noTwoLanguageTextIsWrittenAtItsSite() throws IOException {
    int limit = 5;
    Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    long count;
    Path main = ProjectRoot.get().resolve("backend/src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      count =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .flatMap(MessagesTest::lines)
              .filter(
                  line ->
                      !line.strip().startsWith("*")
                          && !line.strip().startsWith("/*")
                          && !line.strip().startsWith("//"))
              .filter(
                  line -> {
                    Matcher m = literal.matcher(line);
                    while (m.find()) {
                      if (m.group().contains(" / ")) {
                        return true;
                      }
                    }
                    return false;
                  })
              .count();
    }
    assertTrue(
        count <= limit,
        count
            + " lines with a two-language text; at most "
            + limit
            + ": move texts to the catalog");
    System.out.println("two-language texts left at their sites: " + count + " lines");
  }

  /**
   * A constraint of a request's field says its failure by a code of the catalog ({@code message =
   * "number.decimals"}), written in the caller's language from the annotation's values.
   */
  @Test
  void everyConstraintMessageIsACodeOfTheCatalog() throws IOException {
    Set<String> known = Message.catalog(Language.VI).stringPropertyNames();
    Pattern message = Pattern.compile("\\bmessage\\s*=\\s*\"([^\"]*)\"");
    Set<String> named = new TreeSet<>();
    Path main = ProjectRoot.get().resolve("backend/src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = message.matcher(Files.readString(file));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }
    assertTrue(named.contains("number.decimals"), "the scan finds the constraints: " + named);
    named.removeAll(known);
    assertEquals(Set.of(), named, "constraint messages that are no code of the catalog");
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> params(String template) {
    Set<String> out = new TreeSet<>();
    Matcher m = PARAM.matcher(template);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
