package vn.lhpn.kehoach.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/**
 * JSON numbers as people write them: 2500, never 2.5E+3. And JSON in is held to {@link
 * InputLimits}: no string with a NUL or another control character (line breaks and tabs are text),
 * none longer than {@value InputLimits#MAX_TEXT_CHARS} characters, no number of more than 40
 * digits, no nesting deeper than 20: each is a 400 naming the field, before any service runs.
 */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    // an absent value is left out, never sent as null: what the contract does not mark required
    // may be missing, and a strict client reads every answer (smaller on a weak connection too)
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(20)
                .maxNumberLength(40)
                .maxStringLength(InputLimits.MAX_TEXT_CHARS * 4)
                .build());
    mapper.registerModule(
        new SimpleModule("kehoach-safe-text").addDeserializer(String.class, new SafeText()));
    // a number where text goes is the client's mistake, not text: 400 "wrong type"
    for (var shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** A string the limits refuse; {@link #why()} goes into the 400. */
  public static final class RefusedText extends JsonMappingException {
    private final transient Message why;

    RefusedText(JsonParser p, Message why) {
      super(p, why.inBoth());
      this.why = why;
    }

    public Message why() {
      return why;
    }
  }

  /** Strings as {@link StringDeserializer} reads them, refused when {@link InputLimits} say so. */
  static final class SafeText extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = super.deserialize(p, ctxt);
      if (text == null) {
        return null;
      }
      if (text.length() > InputLimits.MAX_TEXT_CHARS) {
        throw new RefusedText(p, Message.of("text.too-long", "max", InputLimits.MAX_TEXT_CHARS));
      }
      Message offence = InputLimits.offence(text, true);
      if (offence != null) {
        throw new RefusedText(p, offence);
      }
      return text;
    }
  }
}
