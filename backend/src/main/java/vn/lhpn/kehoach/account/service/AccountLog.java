package vn.lhpn.kehoach.account.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.representations.idm.UserRepresentation;
import vn.lhpn.kehoach.account.AccountChange;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;

/**
 * The history of accounts, written before Keycloak is asked to change anything (#29): a change is
 * recorded as pending in its own transaction first (the database away: 503, and Keycloak is not
 * asked), then marked done once Keycloak made it, or deleted if Keycloak refused. A change is never
 * left standing with no record. A record left pending because the database went away after Keycloak
 * answered is settled later against Keycloak: made (done) or not made (deleted).
 */
@ApplicationScoped
public class AccountLog {
  private static final Logger LOG = Logger.getLogger(AccountLog.class);

  /** How old a pending record must be before it is settled: older than any call in flight. */
  static final Duration SETTLE_AFTER = Duration.ofMinutes(1);

  private final Directory directory;

  AccountLog(Directory directory) {
    this.directory = directory;
  }

  /** A change about to be made: its record's id. */
  public record Intent(long id) {}

  /** Records the change as pending; throws (503) when the database cannot take it. */
  Intent intend(
      String accountId,
      String username,
      String action,
      String by,
      Map<String, Object> before,
      Map<String, Object> after) {
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                AccountChange c = new AccountChange();
                c.accountId = accountId;
                c.username = username;
                c.action = action;
                c.changedBy = by;
                c.changedAt = ClockProducer.now();
                c.before = before;
                c.after = after;
                c.state = AccountChange.PENDING;
                c.persist();
                return new Intent(c.id);
              });
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warnf("account history not written, %s %s not made: %s", action, username, e);
      throw new ApiException(
          ProblemType.SERVICE_UNAVAILABLE, Message.of("account.history-unwritable"));
    }
  }

  /**
   * Keycloak made the change: the record says done, with what was made. The database away now
   * leaves the record pending (it still says what was asked); {@link #settle} finishes it.
   */
  void done(Intent intent, String accountId, Map<String, Object> after) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                AccountChange c = AccountChange.findById(intent.id());
                c.accountId = accountId;
                if (after != null) {
                  c.after = after;
                }
                c.state = AccountChange.DONE;
              });
    } catch (RuntimeException e) {
      LOG.warnf("account change %d made but left pending: %s", intent.id(), e);
    }
  }

  /** Keycloak refused or could not be reached: the change was not made, its record goes. */
  void abandon(Intent intent) {
    try {
      QuarkusTransaction.requiringNew().run(() -> AccountChange.deleteById(intent.id()));
    } catch (RuntimeException e) {
      LOG.warnf("account change %d not made but left pending: %s", intent.id(), e);
    }
  }

  @Scheduled(
      every = "${kehoach.accounts.settle-every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    try {
      settle(SETTLE_AFTER);
    } catch (RuntimeException e) {
      LOG.debugf("pending account changes not settled now: %s", e);
    }
  }

  /**
   * Keycloak failed while making the change. A clear refusal (a name taken, a value refused): the
   * change was not made, its record goes. Keycloak unreachable: it may have made it before going
   * away; the record is settled now if Keycloak answers again, or later by {@link #settle}.
   */
  void failed(Intent intent, RuntimeException e) {
    if (e instanceof ApiException a && a.type() != ProblemType.SERVICE_UNAVAILABLE) {
      abandon(intent);
      return;
    }
    try {
      AccountChange c =
          QuarkusTransaction.requiringNew().call(() -> AccountChange.findById(intent.id()));
      if (c != null) {
        settle(c);
      }
    } catch (RuntimeException again) {
      LOG.warnf("account change %d left pending until Keycloak answers: %s", intent.id(), again);
    }
  }

  /**
   * Settles the records pending for longer than {@code after} against Keycloak. Returns how many it
   * settled.
   */
  public int settle(Duration after) {
    List<AccountChange> pending =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AccountChange.<AccountChange>list(
                        "state = ?1 and changedAt < ?2 order by id",
                        AccountChange.PENDING,
                        ClockProducer.now().minus(after)));
    pending.forEach(this::settle);
    return pending.size();
  }

  /**
   * Whether Keycloak made a pending change: a new account of that name, bound to that unit and
   * created since the change was asked for; an account that no longer looks as it did before; a
   * password reset cannot be read back and stays on record. Made: done, with the account as it is
   * now; not made: the record is deleted.
   */
  private void settle(AccountChange c) {
    Optional<UserRepresentation> user = find(c);
    boolean made =
        switch (c.action) {
          case "create", "bulk-create" ->
              user.filter(u -> Objects.equals(Accounts.unitOf(u), unit(c.after)))
                  .filter(
                      u ->
                          u.getCreatedTimestamp() != null
                              && u.getCreatedTimestamp()
                                  >= c.changedAt.minusMinutes(1).toInstant().toEpochMilli())
                  .isPresent();
          case "reset-password" -> true;
          default ->
              user.isPresent()
                  && !Objects.equals(normalized(c.before), normalized(now(user.get())));
        };
    if (made) {
      done(
          new Intent(c.id),
          user.map(UserRepresentation::getId).orElse(c.accountId),
          c.action.equals("reset-password") ? null : user.map(this::now).orElse(null));
    } else {
      abandon(new Intent(c.id));
    }
    LOG.infof(
        "pending account change %d (%s %s) settled: made %s", c.id, c.action, c.username, made);
  }

  private Optional<UserRepresentation> find(AccountChange c) {
    if (c.accountId == null) {
      return directory.byUsername(c.username);
    }
    try {
      return Optional.of(directory.user(c.accountId));
    } catch (ApiException e) {
      if (e.type() == ProblemType.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String unit(Map<String, Object> snapshot) {
    return snapshot == null ? null : Objects.toString(snapshot.get("unit"), null);
  }

  private Map<String, Object> now(UserRepresentation u) {
    return AccountViews.snapshot(
        AccountViews.view(u, directory.roles(u.getId()), Map.of(), Map.of()));
  }

  /** A snapshot as it reads back from JSON (lists and booleans alike). */
  private static String normalized(Map<String, Object> snapshot) {
    return snapshot == null ? null : new java.util.TreeMap<>(snapshot).toString();
  }
}
