package vn.lhpn.kehoach.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.orgunit.service.UnitLoad;

/**
 * The units of the national data set ({@link NationalData}): the national union ({@value ROOT},
 * level 0) above the seeded province, and made-up provinces ("Tỉnh Mẫu 07", code M07), districts
 * (M07-03) and communes (M07-03-11) up to the configured counts, spread as evenly as can be.
 */
@ApplicationScoped
public class NationalUnits {
  private static final Logger LOG = Logger.getLogger(NationalUnits.class);

  /** The national union's code (not a GSO code: GSO has no unit above the provinces). */
  public static final String ROOT = "VN";

  /** One version of a unit, as the generator needs it. */
  record Unit(String code, String parent, int level, String type, LocalDate from, LocalDate to) {
    boolean validOn(LocalDate day) {
      return !from.isAfter(day) && (to == null || !to.isBefore(day));
    }

    boolean validDuring(int year) {
      return !from.isAfter(LocalDate.of(year, 12, 31))
          && (to == null || !to.isBefore(LocalDate.of(year, 1, 1)));
    }
  }

  private final NationalData.Config config;
  private final Clock clock;
  private final EntityManager em;

  NationalUnits(NationalData.Config config, Clock clock, EntityManager em) {
    this.config = config;
    this.clock = clock;
    this.em = em;
  }

  /**
   * Puts the national union above the provinces and adds made-up provinces, districts and communes
   * up to the configured counts, once. Returns how many units there are.
   */
  public int add() {
    long existing =
        ((Number)
                em.createNativeQuery("SELECT count(*) FROM org_unit WHERE code = ?1")
                    .setParameter(1, ROOT)
                    .getSingleResult())
            .longValue();
    List<Unit> all = load();
    if (existing > 0) {
      return all.size();
    }
    LocalDate from = all.stream().map(Unit::from).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate today = LocalDate.now(clock);
    long provinces = all.stream().filter(u -> u.level() == 1 && u.validOn(today)).count();
    long districts =
        all.stream()
            .filter(u -> u.level() == 2 && !u.type().equals("affiliated") && u.validOn(today))
            .count();
    long communes = all.stream().filter(u -> u.level() == 3 && u.validOn(today)).count();
    int newProvinces = (int) Math.max(0, config.provinces() - provinces);
    int newDistricts = (int) Math.max(newProvinces, config.districts() - districts);
    int newCommunes = (int) Math.max(newDistricts, config.communes() - communes);
    UnitLoad rows = new UnitLoad(em, clock);
    rows.add(ROOT, "Trung ương Hội LHPN Việt Nam", "central", null, 0, from);
    int d = 0;
    int c = 0;
    for (int p = 0; p < newProvinces; p++) {
      String province = "M%02d".formatted(p + 1);
      rows.add(province, "Tỉnh Mẫu %02d".formatted(p + 1), "province", ROOT, 1, from);
      int districtsHere = share(newDistricts, newProvinces, p);
      for (int i = 0; i < districtsHere; i++, d++) {
        String district = "%s-%02d".formatted(province, i + 1);
        String name = "Huyện Mẫu %02d.%02d".formatted(p + 1, i + 1);
        rows.add(district, name, "district", province, 2, from);
        int communesHere = share(newCommunes, newDistricts, d);
        for (int j = 0; j < communesHere; j++, c++) {
          rows.add(
              "%s-%02d".formatted(district, j + 1),
              "Xã Mẫu %02d.%02d.%02d".formatted(p + 1, i + 1, j + 1),
              "commune",
              district,
              3,
              from);
        }
      }
    }
    // the provinces of the map go under the national union
    rows.write(ROOT);
    LOG.infof(
        "National units: %s above %d provinces, %d districts and %d communes added",
        ROOT, newProvinces, d, c);
    return all.size() + 1 + newProvinces + d + c;
  }

  /** The i-th of n parts of a total, as equal as can be (the first ones take the remainder). */
  private static int share(int total, int n, int i) {
    return total / n + (i < total % n ? 1 : 0);
  }

  @SuppressWarnings("unchecked")
  List<Unit> load() {
    List<Unit> out = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT code, parent_code, level, type, valid_from, valid_to FROM org_unit"
                        + " ORDER BY level, code, valid_from")
                .getResultList()) {
      out.add(
          new Unit(
              (String) r[0],
              (String) r[1],
              ((Number) r[2]).intValue(),
              (String) r[3],
              day(r[4]),
              r[5] == null ? null : day(r[5])));
    }
    return out;
  }

  private static LocalDate day(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
