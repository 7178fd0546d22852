package vn.lhpn.kehoach.common;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Types the query parameters the API parses itself. Resources take them as text and parse them with
 * {@link Params}, so that a bad value is a 400 problem+json naming the parameter (JAX-RS would
 * answer a failed conversion with a bare 404); the contract still says what they are. One name, one
 * type, across the whole API.
 */
public class TypedParametersFilter implements OASFilter {
  private record Type(Schema.SchemaType type, String format, Integer minimum, Integer maximum) {}

  private static final Map<String, Type> QUERY =
      Map.of(
          "page", new Type(Schema.SchemaType.INTEGER, "int32", 0, null),
          "size", new Type(Schema.SchemaType.INTEGER, "int32", 1, Paging.MAX_SIZE),
          "year", new Type(Schema.SchemaType.INTEGER, "int32", null, null),
          "level", new Type(Schema.SchemaType.INTEGER, "int32", 1, 3),
          "withValues", new Type(Schema.SchemaType.BOOLEAN, null, null, null),
          "dryRun", new Type(Schema.SchemaType.BOOLEAN, null, null, null),
          "closed", new Type(Schema.SchemaType.BOOLEAN, null, null, null),
          "validOn", new Type(Schema.SchemaType.STRING, "date", null, null),
          "updatedSince", new Type(Schema.SchemaType.STRING, "date-time", null, null),
          "value", new Type(Schema.SchemaType.NUMBER, null, null, null));

  private final ErrorResponsesFilter errors = new ErrorResponsesFilter();

  /** After the parameters: the error answers of every operation (one configured filter only). */
  @Override
  public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI api) {
    errors.filterOpenAPI(api);
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    Type type = parameter.getIn() == Parameter.In.QUERY ? QUERY.get(parameter.getName()) : null;
    if (type == null) {
      return parameter;
    }
    Schema schema =
        parameter.getSchema() == null ? OASFactory.createSchema() : parameter.getSchema();
    schema.setType(List.of(type.type()));
    schema.setFormat(type.format());
    if (type.minimum() != null) {
      schema.setMinimum(java.math.BigDecimal.valueOf(type.minimum()));
    }
    if (type.maximum() != null) {
      schema.setMaximum(java.math.BigDecimal.valueOf(type.maximum()));
    }
    parameter.setSchema(schema);
    // an example written as text in an annotation is given in the parameter's own type
    if (parameter.getExample() instanceof String text && !text.isBlank()) {
      try {
        switch (type.type()) {
          case INTEGER -> parameter.setExample(Integer.valueOf(text.strip()));
          case NUMBER -> parameter.setExample(new java.math.BigDecimal(text.strip()));
          case BOOLEAN -> parameter.setExample(Boolean.valueOf(text.strip()));
          default -> {}
        }
      } catch (NumberFormatException e) {
        throw new IllegalStateException("example of " + parameter.getName() + ": " + text, e);
      }
    }
    return parameter;
  }
}
