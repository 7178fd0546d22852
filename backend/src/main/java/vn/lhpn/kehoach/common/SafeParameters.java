package vn.lhpn.kehoach.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path and query value is checked before any resource sees it: no control characters (a NUL
 * reaches PostgreSQL as an error, a CR/LF would reach a header), nothing that was not UTF-8, no
 * value longer than {@value InputLimits#MAX_PARAMETER_CHARS} characters. A 400 names the parameter.
 */
public class SafeParameters {

  /**
   * A JSON body is at most {@value InputLimits#MAX_JSON_BYTES} bytes (uploads, multipart, may be
   * larger): 413 from its declared length, before it is read.
   */
  @ServerRequestFilter(preMatching = true)
  public Response size(ContainerRequestContext request) {
    var type = request.getMediaType();
    if (type == null || !type.getSubtype().endsWith("json")) {
      return null;
    }
    if (request.getLength() > InputLimits.MAX_JSON_BYTES) {
      return Problems.response(
          ProblemType.PAYLOAD_TOO_LARGE,
          Message.of("body.json-too-large", "max", InputLimits.MAX_JSON_BYTES / (1024 * 1024)),
          request.getUriInfo().getPath());
    }
    return null;
  }

  /**
   * The path's own segments and the query, before any route is matched: a value no route could take
   * (a control character, too long) is a 400 whatever the method and body, never a 404 or a 415
   * that a route's other conditions would give first.
   */
  @ServerRequestFilter(preMatching = true)
  public Response path(ContainerRequestContext request) {
    for (var segment : request.getUriInfo().getPathSegments(true)) {
      Message why = problem(segment.getPath());
      if (why != null) {
        return Problems.response(ApiException.invalid("path", why), request.getUriInfo().getPath());
      }
    }
    // the query too: a bad value is a 400 before a route's media types could answer 415
    return check(request.getUriInfo().getQueryParameters(true), request);
  }

  @ServerRequestFilter
  public Response check(ContainerRequestContext request) {
    var uri = request.getUriInfo();
    Response bad = check(uri.getPathParameters(true), request);
    return bad != null ? bad : check(uri.getQueryParameters(true), request);
  }

  private static Response check(
      MultivaluedMap<String, String> parameters, ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
      for (String value : e.getValue()) {
        Message why = problem(value);
        if (why != null) {
          return Problems.response(
              ApiException.invalid(safeName(e.getKey()), why), request.getUriInfo().getPath());
        }
      }
    }
    return null;
  }

  private static Message problem(String value) {
    if (value.length() > InputLimits.MAX_PARAMETER_CHARS) {
      return Message.of("text.too-long", "max", InputLimits.MAX_PARAMETER_CHARS);
    }
    return InputLimits.offence(value, false);
  }

  /** A parameter's name is client text too: echo it only when it is plain. */
  private static String safeName(String name) {
    return name.length() <= 40 && name.matches("[A-Za-z0-9_.\\-\\[\\]]+") ? name : "parameter";
  }
}
