package vn.lhpn.kehoach.account.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.logging.Logger;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import vn.lhpn.kehoach.account.dto.AccountDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.security.Roles;
import vn.lhpn.kehoach.security.UnitHierarchy;

/**
 * One reporter account for every commune of a district (or of the province) in one step. The
 * username is {@code bc.<commune code>} ("bc" for báo cáo: bc.05761), a name only that unit's
 * account may take ({@link AccountNames#requireName}), so a rerun finds what exists and creates
 * nothing twice, and no other admin's choice can take it. Each account is created whole (roles and
 * temporary password) or taken back; when Keycloak stops answering, the run stops and says exactly
 * which it created.
 */
@ApplicationScoped
public class BulkAccounts {
  private static final Logger LOG = Logger.getLogger(BulkAccounts.class);
  public static final String PREFIX = "bc.";

  private final Accounts accounts;
  private final Directory directory;
  private final UnitHierarchy hierarchy;
  private final Clock clock;

  BulkAccounts(Accounts accounts, Directory directory, UnitHierarchy hierarchy, Clock clock) {
    this.accounts = accounts;
    this.directory = directory;
    this.hierarchy = hierarchy;
    this.clock = clock;
  }

  public AccountDtos.BulkResult communeReporters(String unitCode) {
    accounts.requireAdmin();
    OrgUnit unit = accounts.unitForAccount(unitCode);
    Set<String> subtree = hierarchy.subtreeCodes(unit.code);
    List<OrgUnit> communes =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    OrgUnit.<OrgUnit>list(
                        "code in :codes and type in :communes and "
                            + OrgUnit.VALID_ON
                            + " order by code",
                        Parameters.with("codes", subtree)
                            .and("communes", OrgUnitType.COMMUNES)
                            .and("day", LocalDate.now(clock))));
    Map<String, String> taken = new HashMap<>();
    for (UserRepresentation u : directory.users()) {
      taken.put(u.getUsername(), Objects.toString(Accounts.unitOf(u), ""));
    }
    List<AccountDtos.BulkItem> created = new ArrayList<>();
    List<AccountDtos.BulkItem> existing = new ArrayList<>();
    List<AccountDtos.BulkItem> failed = new ArrayList<>();
    Map<String, RoleRepresentation> realmRoles = new HashMap<>();
    boolean down = false;
    long started = System.nanoTime();
    for (OrgUnit commune : communes) {
      String username = PREFIX + commune.code.toLowerCase(Locale.ROOT);
      if (commune.code.equals(taken.get(username))) {
        existing.add(new AccountDtos.BulkItem(commune.code, commune.name, username, null, null));
        continue;
      }
      // only an account made before the unit code owned its name can hold it elsewhere (#29)
      Message notMade =
          taken.containsKey(username)
              ? Message.of("bulk.name-held")
              : down ? Message.of("bulk.server-silent") : null;
      if (notMade != null) {
        failed.add(new AccountDtos.BulkItem(commune.code, commune.name, username, null, notMade));
        continue;
      }
      try {
        AccountDtos.WithPassword made =
            accounts.create(
                new AccountDtos.Create(
                    username, null, null, null, commune.code, List.of(Roles.REPORTER)),
                "bulk-create",
                realmRoles);
        created.add(
            new AccountDtos.BulkItem(
                commune.code, commune.name, username, made.temporaryPassword(), null));
      } catch (ApiException e) {
        if (e.type() == ProblemType.SERVICE_UNAVAILABLE) {
          down = true;
        }
        failed.add(
            new AccountDtos.BulkItem(
                commune.code,
                commune.name,
                username,
                null,
                e.message() != null ? e.message() : Message.of("said", "text", e.getMessage())));
      }
    }
    LOG.infof(
        "bulk accounts under %s: %d created, %d existing, %d failed in %d ms",
        unit.code,
        created.size(),
        existing.size(),
        failed.size(),
        (System.nanoTime() - started) / 1_000_000);
    if (created.isEmpty() && down) {
      throw new ApiException(
          ProblemType.SERVICE_UNAVAILABLE, Message.of("bulk.server-unreachable"));
    }
    return new AccountDtos.BulkResult(
        created, existing, failed, created.isEmpty() ? null : workbook(unit, created));
  }

  /** The new accounts and their temporary passwords, to hand to each commune. */
  static String workbook(OrgUnit unit, List<AccountDtos.BulkItem> created) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Tài khoản mới");
      sheet.createRow(0).createCell(0).setCellValue("Tài khoản báo cáo mới – " + unit.name);
      sheet
          .createRow(1)
          .createCell(0)
          .setCellValue("Mật khẩu tạm thời chỉ hiện một lần; phải đổi ở lần đăng nhập đầu tiên.");
      String[] heads = {"Mã đơn vị", "Tên đơn vị", "Tên đăng nhập", "Mật khẩu tạm thời"};
      Row h = sheet.createRow(3);
      for (int c = 0; c < heads.length; c++) {
        h.createCell(c).setCellValue(heads[c]);
      }
      int r = 4;
      for (AccountDtos.BulkItem item : created) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(item.unitCode());
        row.createCell(1).setCellValue(item.unitName());
        row.createCell(2).setCellValue(item.username());
        row.createCell(3).setCellValue(item.temporaryPassword());
      }
      int[] widths = {12, 30, 18, 22};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      sheet.createFreezePane(0, 4);
      wb.write(out);
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
