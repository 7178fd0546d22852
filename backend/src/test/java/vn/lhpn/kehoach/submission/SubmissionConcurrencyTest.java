package vn.lhpn.kehoach.submission;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.lhpn.kehoach.submission.Reports.DAI_TU;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.HUONG_SON;
import static vn.lhpn.kehoach.submission.Reports.PHUC_LUONG;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.get;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

/** Many requests at once, one outcome: ETags and Idempotency-Key under concurrency. */
@QuarkusTest
class SubmissionConcurrencyTest {
  static final int THREADS = 8;
  static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  /** Runs the requests together, released by one latch, and returns their responses. */
  static List<Response> together(IntFunction<Response> request) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int n = i;
      Callable<Response> call =
          () -> {
            start.await();
            return request.apply(n);
          };
      futures.add(POOL.submit(call));
    }
    start.countDown();
    List<Response> out = new ArrayList<>();
    for (Future<Response> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  static long count(List<Response> responses, int status) {
    return responses.stream().filter(r -> r.statusCode() == status).count();
  }

  @Test
  void shouldLetOnlyOneOfManyEditorsWithTheSameEtagWin() throws Exception {
    Reports.period("2025-Q4", true);
    long id = id(create(HUNG_SON, "2025-Q4", "05761", List.of(value("I-2.1", 1))).statusCode(201));
    Tokens.of(HUNG_SON);
    List<Response> responses =
        together(
            n ->
                as(HUNG_SON)
                    .header("If-Match", "\"0\"")
                    .body(Map.of("values", List.of(value("I-2.1", 100 + n))))
                    .put("/api/v1/submissions/" + id + "/values"));
    assertEquals(1, count(responses, 200), statuses(responses));
    assertEquals(THREADS - 1, count(responses, 412), statuses(responses));
    Response winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().get();
    Object won = winner.path("values[0].number");
    // Each loser is told the current state: the winner's value and ETag.
    for (Response r : responses) {
      if (r.statusCode() == 412) {
        assertEquals("\"1\"", r.header("ETag"));
        assertEquals(won, r.path("current.values[0].number"));
      }
    }
    get(HUNG_SON, id).body("version", equalTo(1)).body("values[0].number", equalTo(won));
    List<String> kinds =
        as(HUNG_SON).get("/api/v1/submissions/" + id + "/history").then().extract().path("kind");
    assertEquals(List.of("create", "value", "value"), kinds);
  }

  @Test
  void shouldRunARetriedTransitionOnceAndReplayItsAnswer() throws Exception {
    Reports.period("2025-Q4", true);
    long id =
        id(create(PHUC_LUONG, "2025-Q4", "05767", List.of(value("I-2.1", 2))).statusCode(201));
    String key = UUID.randomUUID().toString();
    List<Response> responses =
        together(
            n ->
                as(PHUC_LUONG)
                    .header("If-Match", "\"0\"")
                    .header("Idempotency-Key", key)
                    .post("/api/v1/submissions/" + id + "/submit"));
    assertEquals(THREADS, count(responses, 200), statuses(responses));
    assertEquals(
        1, responses.stream().filter(r -> r.header("Idempotent-Replayed") == null).count());
    String first = responses.get(0).asString();
    for (Response r : responses) {
      assertEquals(first, r.asString());
      assertEquals("\"1\"", r.header("ETag"));
    }
    List<String> kinds =
        as(PHUC_LUONG).get("/api/v1/submissions/" + id + "/history").then().extract().path("kind");
    assertEquals(List.of("create", "value", "submit"), kinds);
    // The same key for a different request is refused; keys belong to their user.
    as(PHUC_LUONG)
        .header("If-Match", "\"1\"")
        .header("Idempotency-Key", key)
        .body(Map.of("values", List.of(value("I-2.1", 3))))
        .put("/api/v1/submissions/" + id + "/values")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("Idempotency-Key"));
    as(DAI_TU)
        .header("If-Match", "\"1\"")
        .header("Idempotency-Key", key)
        .body(Map.of("reason", "Bổ sung minh chứng"))
        .post("/api/v1/submissions/" + id + "/return")
        .then()
        .statusCode(200)
        .body("state", equalTo("returned"));
  }

  @Test
  void shouldCreateOneSubmissionWhenAFirstSaveIsSentManyTimes() throws Exception {
    Reports.period("2022-Q2", true);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body =
        Map.of(
            "planId",
            PLAN,
            "period",
            "2022-Q2",
            "unitCode",
            "05908",
            "values",
            List.of(value("I-2.1", 5)));
    List<Response> retried =
        together(
            n ->
                as(HUONG_SON)
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/api/v1/submissions"));
    assertEquals(THREADS, count(retried, 201), statuses(retried));
    assertEquals(1, retried.stream().map(r -> r.path("id")).distinct().count());
    assertEquals(1, retried.stream().map(r -> r.header("Location")).distinct().count());
    // Different keys (two phones): one is created, the others are told it exists.
    Reports.period("2022-Q1", true);
    List<Response> racing =
        together(
            n ->
                as(HUONG_SON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(
                        Map.of(
                            "planId",
                            PLAN,
                            "period",
                            "2022-Q1",
                            "unitCode",
                            "05908",
                            "values",
                            List.of(value("I-2.1", n))))
                    .post("/api/v1/submissions"));
    assertEquals(1, count(racing, 201), statuses(racing));
    assertEquals(THREADS - 1, count(racing, 409), statuses(racing));
    as(HUONG_SON)
        .get("/api/v1/submissions?plan=" + PLAN + "&unit=05908&period=2022-Q1")
        .then()
        .body("totalItems", equalTo(1));
  }

  @Test
  void shouldListOnlyWhatChangedSinceAGivenTime() {
    Reports.period("2025-Q4", true);
    long id = id(create(HUONG_SON, "2025-Q4", "05908", List.of(value("I-2.1", 2))).statusCode(201));
    String since = get(HUONG_SON, id).extract().path("updatedAt");
    String url = "/api/v1/submissions?plan=" + PLAN + "&updatedSince=" + since;
    as(HUONG_SON).get(url).then().statusCode(200).body("totalItems", equalTo(0));
    Reports.save(HUONG_SON, id, "\"0\"", List.of(value("I-2.1", 3))).statusCode(200);
    as(HUONG_SON)
        .get(url)
        .then()
        .body("totalItems", equalTo(1))
        .body("items[0].id", equalTo((int) id))
        .body("items[0].values", org.hamcrest.Matchers.nullValue());
    as(HUONG_SON)
        .get(url + "&withValues=true")
        .then()
        .body("items[0].values[0].item", equalTo("I-2.1"))
        .body("items[0].values[0].number", equalTo(3));
    as(HUONG_SON).get(url + "&withValues=yes").then().statusCode(400);
    as(HUONG_SON)
        .get("/api/v1/submissions?plan=" + PLAN + "&updatedSince=yesterday")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("updatedSince"));
  }

  private static String statuses(List<Response> responses) {
    return responses.stream().map(r -> r.statusCode() + "").toList().toString();
  }
}
