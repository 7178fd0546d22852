package vn.lhpn.kehoach.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creating and transition requests: the first response to a (user, key)
 * is stored in the same transaction as the change it made, and a retry with that key gets the
 * stored response back ({@code Idempotent-Replayed: true}) without running again. The same key with
 * a different request is 422. Concurrent requests with one key queue on a PostgreSQL advisory lock,
 * so exactly one of them runs. A failed request stores nothing: its retry runs afresh.
 */
@ApplicationScoped
public class Idempotency {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";

  /** How the header is documented on every operation that takes it. */
  public static final String HEADER_DOC =
      "Optional. A retry with the same key returns the first response and changes nothing; the"
          + " same key with a different request is 422. Keys are per user, kept 24 h.";

  static final Duration KEPT = Duration.ofHours(24);
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private final EntityManager em;
  private final ObjectMapper mapper;
  private final Clock clock;

  Idempotency(EntityManager em, ObjectMapper mapper, Clock clock) {
    this.em = em;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Runs {@code action} once per user and key. Without a key it simply runs. {@code request} is
   * what makes two requests "the same": method, path and body.
   */
  @Transactional
  public Response once(
      String username,
      String key,
      String method,
      String path,
      Object body,
      Supplier<Response> action) {
    if (key == null) {
      return action.get();
    }
    if (!KEY.matcher(key).matches()) {
      throw ApiException.invalid(HEADER, Message.of("idempotency.key-format"));
    }
    String fingerprint = fingerprint(method, path, body);
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, username + "\n" + key)
        .getSingleResult();
    OffsetDateTime now = ClockProducer.now(clock);
    // A key older than a day is forgotten: the request is a new one.
    em.createNativeQuery(
            "DELETE FROM idempotency_record WHERE username = ?1 AND idem_key = ?2"
                + " AND created_at < ?3")
        .setParameter(1, username)
        .setParameter(2, key)
        .setParameter(3, now.minus(KEPT))
        .executeUpdate();
    List<?> rows =
        em.createNativeQuery(
                "SELECT fingerprint, status, body, etag, location"
                    + " FROM idempotency_record WHERE username = ?1 AND idem_key = ?2")
            .setParameter(1, username)
            .setParameter(2, key)
            .getResultList();
    if (!rows.isEmpty()) {
      Object[] row = (Object[]) rows.get(0);
      if (!fingerprint.equals(row[0])) {
        throw new ApiException(
            ProblemType.UNPROCESSABLE,
            Message.of("idempotency.key-reused"),
            List.of(new ProblemDetail.FieldError(HEADER, Message.of("idempotency.reused"))));
      }
      return replay(
          ((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]);
    }
    Response response = action.get();
    String json = null;
    if (response.getEntity() != null) {
      try {
        json = mapper.writeValueAsString(response.getEntity());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    EntityTag tag = response.getEntityTag();
    em.createNativeQuery(
            "INSERT INTO idempotency_record"
                + " (username, idem_key, fingerprint, status, body, etag, location, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, username)
        .setParameter(2, key)
        .setParameter(3, fingerprint)
        .setParameter(4, (short) response.getStatus())
        .setParameter(5, json)
        .setParameter(6, tag == null ? null : tag.getValue())
        .setParameter(7, response.getLocation() == null ? null : response.getLocation().toString())
        .setParameter(8, now)
        .executeUpdate();
    // Keys live a day; forgetting the old ones here keeps the table small without a scheduler.
    em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
        .setParameter(1, now.minus(KEPT))
        .executeUpdate();
    return response;
  }

  private static Response replay(int status, String body, String etag, String location) {
    Response.ResponseBuilder builder = Response.status(status).header(REPLAYED, "true");
    if (body != null) {
      builder.entity(body).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
    }
    if (etag != null) {
      builder.tag(new EntityTag(etag));
    }
    if (location != null) {
      builder.header(HttpHeaders.LOCATION, location);
    }
    return builder.build();
  }

  private String fingerprint(String method, String path, Object body) {
    try {
      String text = method + " " + path + "\n" + mapper.writeValueAsString(body);
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
