package vn.lhpn.kehoach.reminder.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.vertx.ext.mail.SMTPException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.reminder.service.ReminderSteps.Step;

/** The days reminders come, their words and when a mail is tried again: pure rules. */
class ReminderStepsTest {
  private static final LocalDate DUE = LocalDate.of(2026, 12, 15);

  private static Optional<String> on(LocalDate day) {
    return ReminderSteps.current(DUE, List.of(7, 2), day).map(Step::key);
  }

  @Test
  void shouldTakeTheLatestStepThatHasCome() {
    assertEquals(Optional.empty(), on(DUE.minusDays(8)));
    assertEquals(Optional.of("d7"), on(DUE.minusDays(7)));
    assertEquals(Optional.of("d7"), on(DUE.minusDays(3))); // missed nothing: still the first step
    assertEquals(Optional.of("d2"), on(DUE.minusDays(2)));
    assertEquals(Optional.of("d2"), on(DUE)); // the due day itself: nothing new
    assertEquals(Optional.of("late1"), on(DUE.plusDays(1)));
    assertEquals(Optional.of("late1"), on(DUE.plusDays(7)));
    assertEquals(Optional.of("late8"), on(DUE.plusDays(8)));
    assertEquals(Optional.of("late15"), on(DUE.plusDays(20)));
  }

  @Test
  void shouldSayOnWhichDayTheStepCameAndWhetherItIsLate() {
    Step late = ReminderSteps.current(DUE, List.of(7, 2), DUE.plusDays(10)).orElseThrow();
    assertEquals(DUE.plusDays(8), late.on());
    assertTrue(late.late());
    Step before = ReminderSteps.current(DUE, List.of(2, 7), DUE.minusDays(1)).orElseThrow();
    assertEquals(DUE.minusDays(2), before.on());
  }

  @Test
  void shouldRemindOnlyAfterTheDueDateWhenNoDayBeforeIsSet() {
    assertEquals(Optional.empty(), ReminderSteps.current(DUE, List.of(), DUE).map(Step::key));
    assertEquals(
        Optional.of("late1"),
        ReminderSteps.current(DUE, List.of(), DUE.plusDays(1)).map(Step::key));
  }

  @Test
  void shouldWriteThePeriodAndTheDaysAsTheUnionDoes() {
    assertEquals("quý IV năm 2026", ReminderTexts.periodWords("quarter", 2026, 4));
    assertEquals("6 tháng đầu năm 2025", ReminderTexts.periodWords("half", 2025, 1));
    assertEquals("6 tháng cuối năm 2025", ReminderTexts.periodWords("half", 2025, 2));
    assertEquals("năm 2024", ReminderTexts.periodWords("year", 2024, null));
    assertEquals("05/01/2027", ReminderTexts.day(LocalDate.of(2027, 1, 5)));
    assertEquals("còn 7 ngày", ReminderTexts.when(DUE, DUE.minusDays(7)));
    assertEquals("hạn là hôm nay", ReminderTexts.when(DUE, DUE));
    assertEquals("đã quá hạn 3 ngày", ReminderTexts.when(DUE, DUE.plusDays(3)));
  }

  @Test
  void shouldBackOffOneTwoFourMinutesUpToSixHours() {
    assertEquals(1, Postman.backOff(1).toMinutes());
    assertEquals(2, Postman.backOff(2).toMinutes());
    assertEquals(4, Postman.backOff(3).toMinutes());
    assertEquals(128, Postman.backOff(8).toMinutes());
    assertEquals(360, Postman.backOff(20).toMinutes());
  }

  /** A mailer that answers each send with the next of {@code replies} (null: taken). */
  private static int sends(RuntimeException... replies) {
    Deque<RuntimeException> left = new ArrayDeque<>(List.of(replies));
    AtomicInteger calls = new AtomicInteger();
    Postman postman =
        new Postman(
            mails -> {
              calls.incrementAndGet();
              RuntimeException next = left.poll();
              if (next != null) {
                throw next;
              }
            },
            null);
    try {
      postman.deliver(Mail.withText("a@lhpn.invalid", "s", "b"));
    } finally {
      assertTrue(left.isEmpty(), "every reply was used");
    }
    return calls.get();
  }

  private static RuntimeException reply(int code) {
    // what the blocking mailer throws: Vert.x's failure inside a CompletionException
    return new CompletionException(
        new SMTPException(code + " closing", code, List.of(code + " closing"), false));
  }

  @Test
  void shouldSendAgainAtOnceOnlyWhatTheServerRefusedForNow() {
    // 421: the server closed the session (GreenMail after 30 s of silence): a new session at once
    assertEquals(2, sends(reply(421)));
    assertThrows(CompletionException.class, () -> sends(reply(421), reply(451)));
    // 550 is final for this attempt; a refused connection is a server down: both wait the back-off
    assertThrows(CompletionException.class, () -> sends(reply(550)));
    assertThrows(
        IllegalStateException.class, () -> sends(new IllegalStateException("Connection refused")));
    assertEquals(1, sends());
  }
}
