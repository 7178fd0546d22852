package vn.lhpn.kehoach.reminder;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.HUONG_SON;
import static vn.lhpn.kehoach.submission.Reports.PHUC_LUONG;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.PROVINCE;
import static vn.lhpn.kehoach.submission.Reports.act;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.value;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.reminder.service.Postman;
import vn.lhpn.kehoach.reminder.service.ReminderJob;
import vn.lhpn.kehoach.submission.Reports;

/**
 * Reminders end to end, with a real SMTP server (GreenMail on :3125) receiving what the backend
 * sends: the days they come, who gets which words, the bell, mail off, once per event also when two
 * runs race, a failed send retried with back-off, given up, shown to the admin and sent again. The
 * runs are started by hand on the day the test chooses (the scheduler is off in the tests).
 */
@QuarkusTest
class ReminderTest {
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static final String MAIL = "@demo.lhpn.invalid";

  @Inject ReminderJob job;
  @Inject Postman postman;
  @Inject EntityManager em;

  @BeforeAll
  static void smtp() {
    SMTP.start();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  /** A quarter of 2026 opened, with its due date read back. */
  private static LocalDate opened(String code) {
    Reports.period(code, true);
    return LocalDate.parse(
        as(PROVINCE)
            .get("/api/v1/periods/" + PLAN + "/" + code)
            .then()
            .statusCode(200)
            .extract()
            .path("dueOn"));
  }

  /** The mails received so far whose subject contains {@code part}, by address. */
  private static Map<String, List<Message>> received(String part) throws MessagingException {
    Map<String, List<Message>> out = new java.util.TreeMap<>();
    for (Message m : SMTP.getReceivedMessages()) {
      if (m.getSubject().contains(part)) {
        out.computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new ArrayList<>()).add(m);
      }
    }
    return out;
  }

  /** Mails received for a period and step (a part of their subject), by address. */
  private static Map<String, List<Message>> received(String period, String step)
      throws MessagingException {
    Map<String, List<Message>> out = new java.util.TreeMap<>();
    received(period)
        .forEach(
            (to, list) -> {
              List<Message> of = list.stream().filter(m -> subject(m).contains(step)).toList();
              if (!of.isEmpty()) {
                out.put(to, of);
              }
            });
    return out;
  }

  @Test
  void shouldRemindTheUnitsNotSubmittedAndTheirReviewersOnTheirDaysOnce() throws Exception {
    String q3 = "quý III năm 2026";
    LocalDate due = opened("2026-Q3");
    assertEquals(LocalDate.of(2026, 10, 10), due);
    // Hùng Sơn has submitted; Phúc Lương entered one value; Hương Sơn nothing
    long hungSon =
        id(create(HUNG_SON, "2026-Q3", "05761", List.of(value("I-2.1", 12))).statusCode(201));
    act(HUNG_SON, hungSon, "submit", null).statusCode(200);
    create(PHUC_LUONG, "2026-Q3", "05767", List.of(value("I-2.1", 3))).statusCode(201);

    // eight days before: no step has come for this period
    assertNull(job.run(due.minusDays(8)).error());
    assertEquals(Map.of(), received(q3));

    assertNull(job.run(due.minusDays(7)).error());
    Map<String, List<Message>> d7 = received(q3, "còn 7 ngày");
    assertFalse(d7.containsKey(HUNG_SON + MAIL), "a submitted report is not reminded");
    assertEquals(1, d7.get(PHUC_LUONG + MAIL).size());
    Message phucLuong = d7.get(PHUC_LUONG + MAIL).get(0);
    assertEquals(
        "[Kế hoạch toàn khóa] Báo cáo quý III năm 2026 của Xã Phúc Lương: hạn 10/10/2026, còn 7"
            + " ngày",
        subject(phucLuong));
    String text = bodyOf(phucLuong);
    assertTrue(text.contains("Kính gửi đồng chí"), text);
    assertTrue(text.contains("có hạn nộp ngày 10/10/2026 (còn 7 ngày)"), text);
    assertTrue(text.contains("Đã nhập 1/"), text);
    assertTrue(
        text.contains("/bao-cao?plan=" + PLAN + "&period=2026-Q3&unit=05767"),
        "a link straight to the report: " + text);
    // the district reviewing Hùng Sơn: one digest, what waits and who has not sent
    Message daiTu =
        received(q3, "chờ duyệt").get("huyen.daitu" + MAIL).stream().findFirst().orElseThrow();
    assertTrue(subject(daiTu).contains(": 1 chờ duyệt"), subject(daiTu));
    String digest = bodyOf(daiTu);
    assertTrue(digest.contains("Xã Phúc Lương"), digest);
    assertTrue(digest.contains("/duyet?plan=" + PLAN + "&period=2026-Q3"), digest);
    int afterD7 = received(q3).values().stream().mapToInt(List::size).sum();

    // the same day again, and another day of the same step: nothing new
    job.run(due.minusDays(7));
    job.run(due.minusDays(5));
    assertEquals(afterD7, received(q3).values().stream().mapToInt(List::size).sum());

    // two days before: the second step, once more each
    job.run(due.minusDays(2));
    assertEquals(1, received(q3, "còn 2 ngày").get(PHUC_LUONG + MAIL).size());
    assertEquals(2, received(q3).get(PHUC_LUONG + MAIL).size());

    // the bell: both notices, newest first; read one, then all
    var bell = as(PHUC_LUONG).get("/api/v1/notices").then().statusCode(200);
    List<Map<String, Object>> notices = bell.extract().path("items");
    List<Map<String, Object>> ofQ3 =
        notices.stream().filter(n -> "2026-Q3".equals(n.get("periodCode"))).toList();
    assertEquals(2, ofQ3.size());
    assertEquals("due", ofQ3.get(0).get("kind"));
    assertEquals(
        "Báo cáo quý III năm 2026 của Xã Phúc Lương: hạn 10/10/2026, còn 2 ngày",
        ofQ3.get(0).get("title"));
    assertEquals("/bao-cao?plan=" + PLAN + "&period=2026-Q3&unit=05767", ofQ3.get(0).get("link"));
    int unread = bell.extract().path("unread");
    int first = (Integer) ofQ3.get(0).get("id");
    as(PHUC_LUONG).post("/api/v1/notices/" + first + "/read").then().statusCode(204);
    as(PHUC_LUONG).get("/api/v1/notices").then().body("unread", equalTo(unread - 1));
    // another's notice is not there for anyone else
    as(HUONG_SON).post("/api/v1/notices/" + first + "/read").then().statusCode(404);
    as(PHUC_LUONG).post("/api/v1/notices/read").then().statusCode(204);
    as(PHUC_LUONG)
        .get("/api/v1/notices")
        .then()
        .body("unread", equalTo(0))
        .body("items[0].readAt", notNullValue());

    // Hương Sơn turns mail off: the bell still rings, no mail goes
    String etag = as(HUONG_SON).get("/api/v1/me/preferences").then().extract().header("ETag");
    as(HUONG_SON)
        .header("If-Match", etag)
        .body(Map.of("language", "vi", "emailReminders", false))
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(200)
        .body("emailReminders", equalTo(false))
        .body("email", equalTo(HUONG_SON + MAIL));
    job.run(due.plusDays(1));
    assertFalse(received(q3, "đã quá hạn 1 ngày").containsKey(HUONG_SON + MAIL));
    assertTrue(received(q3, "đã quá hạn 1 ngày").containsKey(PHUC_LUONG + MAIL));
    List<Map<String, Object>> huongSon =
        as(HUONG_SON).get("/api/v1/notices").then().statusCode(200).extract().path("items");
    assertTrue(
        huongSon.stream()
            .anyMatch(
                n ->
                    "late".equals(n.get("kind"))
                        && String.valueOf(n.get("title")).contains(q3)
                        && String.valueOf(n.get("title")).contains("đã quá hạn 1 ngày")),
        huongSon.toString());
    // the late digest names who is late below the reviewer
    Message late =
        received(q3, "đơn vị quá hạn").get("huyen.phobinh" + MAIL).stream()
            .findFirst()
            .orElseThrow();
    assertTrue(bodyOf(late).contains("Hương Sơn"), bodyOf(late));
  }

  @Test
  void shouldLetOnlyTheProvincePlannerSetTheDaysRemindersGoOutBeforeTheDueDate() {
    Reports.period("2024-Q2", false);
    String path = "/api/v1/periods/" + PLAN + "/2024-Q2";
    String etag =
        as(PROVINCE)
            .get(path)
            .then()
            .body("remindDaysBefore", equalTo(List.of(7, 2)))
            .extract()
            .header("ETag");
    for (List<Integer> bad :
        List.of(List.of(0), List.of(91), List.of(7, 7), List.of(1, 2, 3, 4, 5, 6))) {
      as(PROVINCE)
          .header("If-Match", etag)
          .body(Map.of("remindDaysBefore", bad))
          .patch(path)
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("remindDaysBefore"));
    }
    as(PROVINCE).header("If-Match", etag).body(Map.of()).patch(path).then().statusCode(400);
    as("huyen.phobinh")
        .header("If-Match", etag)
        .body(Map.of("remindDaysBefore", List.of(3)))
        .patch(path)
        .then()
        .statusCode(403);
    as(PROVINCE)
        .header("If-Match", etag)
        .body(Map.of("remindDaysBefore", List.of(3, 10, 1)))
        .patch(path)
        .then()
        .statusCode(200)
        .body("remindDaysBefore", equalTo(List.of(10, 3, 1)));
    // the due date stays as it was when only the days change
    as(PROVINCE).get(path).then().body("dueOn", equalTo("2024-07-10"));
  }

  @Test
  void shouldMakeAndSendEachReminderOnceWhenTwoRunsRace() throws Exception {
    LocalDate due = opened("2026-Q1");
    LocalDate day = due.plusDays(8); // the second late step
    int before = SMTP.getReceivedMessages().length;
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<ReminderJob.Outcome>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return job.run(day);
                },
                two));
      }
      int sent = 0;
      for (var run : runs) {
        ReminderJob.Outcome o = run.get(120, TimeUnit.SECONDS);
        assertNull(o.error());
        sent += o.sent();
      }
      Message[] all = SMTP.getReceivedMessages();
      assertEquals(sent, all.length - before, "each mail sent by one of the two runs");
      List<String> fresh = new ArrayList<>();
      for (int i = before; i < all.length; i++) {
        fresh.add(all[i].getAllRecipients()[0] + " " + subject(all[i]));
      }
      assertEquals(fresh.size(), fresh.stream().distinct().count(), "twice: " + fresh);
      Map<String, List<Message>> late8 = received("quý I năm 2026", "đã quá hạn 8 ngày");
      assertTrue(late8.containsKey(PHUC_LUONG + MAIL), late8.keySet().toString());
      late8.forEach((to, list) -> assertEquals(1, list.size(), "to " + to));
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void shouldRetryAFailedSendThenGiveItUpForTheAdminToSendAgain() throws Exception {
    LocalDate due = opened("2026-Q2");
    SMTP.stop();
    try {
      ReminderJob.Outcome down = job.run(due.minusDays(2));
      assertNull(down.error());
      assertTrue(down.failed() > 0);
      // the admin sees them waiting, with why
      as("admin")
          .queryParam("state", "pending")
          .get("/api/v1/reminders/mails")
          .then()
          .statusCode(200)
          .body("items.address", hasItem(PHUC_LUONG + MAIL));
      // tried again later (back-off: at most 6 hours apart), until every one is given up
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      for (int turn = 0; turn < 1_000 && pending() > 0; turn++) {
        now = now.plusHours(7);
        postman.sendDue(now, "test");
      }
      assertEquals(0, pending());
    } finally {
      SMTP.start();
    }
    List<Map<String, Object>> failed =
        as("admin")
            .queryParam("state", "failed")
            .queryParam("size", 200)
            .get("/api/v1/reminders/mails")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    Map<String, Object> toPhucLuong =
        failed.stream()
            .filter(m -> (PHUC_LUONG + MAIL).equals(m.get("address")))
            .filter(m -> String.valueOf(m.get("subject")).contains("quý II năm 2026"))
            .findFirst()
            .orElseThrow();
    assertEquals(Postman.ATTEMPTS, toPhucLuong.get("attempts"));
    assertTrue(toPhucLuong.get("lastError") != null);
    // a district admin neither sees nor touches the mails of another district's communes
    as("admin.phobinh")
        .post("/api/v1/reminders/mails/" + toPhucLuong.get("id") + "/retry")
        .then()
        .statusCode(404);
    as(PHUC_LUONG).get("/api/v1/reminders/mails").then().statusCode(403);
    // every state at once, newest first; a state that does not exist is a 400
    as("admin")
        .get("/api/v1/reminders/mails")
        .then()
        .statusCode(200)
        .body("items.state", hasItem("failed"))
        .body("totalItems", greaterThanOrEqualTo(failed.size()));
    as("admin").queryParam("state", "lost").get("/api/v1/reminders/mails").then().statusCode(400);
    as("admin")
        .post("/api/v1/reminders/mails/" + toPhucLuong.get("id") + "/retry")
        .then()
        .statusCode(204);
    as("admin")
        .post("/api/v1/reminders/mails/" + toPhucLuong.get("id") + "/retry")
        .then()
        .statusCode(409);
    // the next run (the admin starts it now) sends it
    as("admin")
        .post("/api/v1/reminders/runs")
        .then()
        .statusCode(200)
        .body("mailsSent", greaterThanOrEqualTo(1))
        .body("error", nullValue());
    assertEquals(1, received("quý II năm 2026", "còn 2 ngày").get(PHUC_LUONG + MAIL).size());
    as("admin.phobinh").post("/api/v1/reminders/runs").then().statusCode(403);
    as("admin").get("/api/v1/reminders/runs").then().statusCode(200).body("[0].error", nullValue());
  }

  private long pending() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM mail_outbox WHERE state = 'pending'")
                            .getSingleResult())
                    .longValue());
  }

  private static String subject(Message m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String bodyOf(Message m) {
    try {
      return new String(m.getInputStream().readAllBytes(), "UTF-8");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
