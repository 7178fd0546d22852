package vn.lhpn.kehoach.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What went wrong, as a client can act on it: a stable code ({@code submission.exists}) and its
 * parameters ({@code unit}, {@code period}, {@code id}), written out in a language from the catalog
 * ({@code messages/problems_vi.properties}, {@code problems_en.properties}: one template per code,
 * parameters as {@code {name}}). A problem carries both; the text is in the caller's language
 * ({@code Accept-Language}), or in both, "tiếng Việt / English", when the caller named neither.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(
    name = "MessageCode",
    description =
        "A message as a stable code and the values it names (docs/adr/0018), for a client that"
            + " acts on it or writes its own words")
public record Message(String code, Map<String, Object> params) {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
  private static final Map<Language, Properties> CATALOG = load();

  /**
   * A text said elsewhere (a parser's words, an older text of both languages), carried as it is:
   * {@code said(text)}; one language of it is its side of "tiếng Việt / English".
   */
  private static final String SAID = "said";

  public Message {
    if (!CATALOG.get(Language.VI).containsKey(code)) {
      throw new IllegalArgumentException("no message " + code + " in the catalog");
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A message of the catalog with its parameters given as name, value, name, value… */
  public static Message of(String code, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("parameters come as name, value pairs");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Message(code, params);
  }

  /** Whether the catalog has a code (a problem's text is then written from it). */
  public static boolean known(String code) {
    return code != null && CATALOG.get(Language.VI).containsKey(code);
  }

  /** The text in one language. */
  public String in(Language language) {
    return in(language, List.of());
  }

  /**
   * The text in one language; {@code {errors}} in a template lists the problem's failed fields
   * ("values[0].number: không âm; …"), each in the same language.
   */
  public String in(Language language, List<ProblemDetail.FieldError> errors) {
    if (code.equals(SAID)) {
      return Bilingual.side(String.valueOf(params.get("text")), language);
    }
    String template = CATALOG.get(language).getProperty(code);
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      Object value = params.get(name);
      String text;
      if (name.equals("errors") && value == null) {
        text =
            errors.stream()
                .map(e -> e.field() + ": " + e.in(language).message())
                .collect(Collectors.joining("; "));
      } else {
        text = text(value, language);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A parameter as text: a message (a field's reason, a state's name) in the same language, a list
   * item by item joined by ", ", anything else as it is.
   */
  private static String text(Object value, Language language) {
    if (value instanceof Message inner) {
      return inner.in(language);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> text(v, language)).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }

  /** The text in both languages, for a caller who named neither: "tiếng Việt / English". */
  public String inBoth() {
    return inBoth(List.of());
  }

  public String inBoth(List<ProblemDetail.FieldError> errors) {
    if (code.equals(SAID)) {
      return String.valueOf(params.get("text"));
    }
    return in(Language.VI, errors) + " / " + in(Language.EN, errors);
  }

  /** The catalog's templates of a language, by code (read by the catalog's test). */
  static Properties catalog(Language language) {
    return CATALOG.get(language);
  }

  private static Map<Language, Properties> load() {
    Map<Language, Properties> out = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String name = "messages/problems_" + language.name().toLowerCase() + ".properties";
      Properties p = new Properties();
      try (InputStream in = Message.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing " + name);
        }
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.put(language, p);
    }
    return out;
  }
}
