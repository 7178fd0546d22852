package vn.lhpn.kehoach.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.lhpn.kehoach.common.BaseEntity;
import vn.lhpn.kehoach.common.Text;

/** One row of a plan: a section, a group, a leaf (target or activity) or a leaf's breakdown. */
@Entity
@Table(name = "plan_item")
public class PlanItem extends BaseEntity {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_id")
  public Plan plan;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  public PlanItem parent;

  /** Order in the document. */
  @Column(nullable = false)
  public int position;

  /** Unique within the plan: section and printed code ("I-2.1"), "~2" on a duplicate code. */
  @Column(name = "item_key", nullable = false, length = 40)
  public String key;

  /** The code as printed ("2.1", "I."); null on breakdown rows. */
  @Column(length = 20)
  public String code;

  @Convert(converter = KindConverter.class)
  @Column(nullable = false, length = 12)
  public ItemKind kind;

  @Column(nullable = false)
  public String title;

  @Column(name = "search_title", nullable = false)
  public String searchTitle;

  @Column(name = "implementing_level")
  public String implementingLevel;

  /** Org unit levels that carry the item out, "1,2,3"; empty when the plan does not say. */
  @Column(name = "implementing_levels", nullable = false, length = 8)
  public String implementingLevels = "";

  @Column(name = "lead_text")
  public String leadText;

  public String coordinators;

  public String funding;

  @Convert(converter = MeasureConverter.class)
  @Column(name = "measure_type", length = 12)
  public MeasureType measureType;

  @Column(name = "measure_unit", length = 60)
  public String measureUnit;

  /** True while the measure is the importer's guess; false once a planner or a sheet set it. */
  @Column(name = "measure_guessed", nullable = false)
  public boolean measureGuessed = true;

  /**
   * The levels that report the item, "2" or "1,2"; null for the levels of the implementing column
   * ({@link PlanRules#reportingLevels}).
   */
  @Column(name = "reporting_levels", length = 8)
  public String reportingLevels;

  /** True while the reporting levels are the importer's proposal; false once a planner set them. */
  @Column(name = "reporting_levels_guessed", nullable = false)
  public boolean reportingLevelsGuessed = true;

  /** How the item is judged over the term ("sum", "last", "each"); null: as proposed. */
  @Column(name = "term_rule", length = 8)
  public String termRule;

  /** True while the term rule is the importer's proposal; false once a planner set it. */
  @Column(name = "term_rule_guessed", nullable = false)
  public boolean termRuleGuessed = true;

  @ManyToMany
  @JoinTable(
      name = "plan_item_department",
      joinColumns = @JoinColumn(name = "item_id"),
      inverseJoinColumns = @JoinColumn(name = "department_id"))
  public Set<Department> departments = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(name = "plan_item_level", joinColumns = @JoinColumn(name = "item_id"))
  @OrderBy("year")
  public List<Level> levels = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "plan_item_footnote", joinColumns = @JoinColumn(name = "item_id"))
  @MapKeyColumn(name = "number")
  @Column(name = "text", nullable = false)
  public Map<Short, String> footnotes = new TreeMap<>();

  @PrePersist
  @PreUpdate
  void fold() {
    searchTitle = Text.fold((code == null ? "" : code + " ") + title);
  }

  public Optional<Level> level(int year) {
    return levels.stream().filter(l -> l.year == year).findFirst();
  }

  public static Optional<PlanItem> findByKey(Plan plan, String key) {
    return find("plan = ?1 and key = ?2", plan, key).firstResultOptional();
  }

  public static List<PlanItem> listOf(Plan plan) {
    return list("plan = ?1 order by position", plan);
  }

  /** The level of an item for one year, as printed and as understood. */
  @Embeddable
  public static class Level {
    @Column(nullable = false)
    public short year;

    @Column(nullable = false, length = 40)
    public String raw;

    @Convert(converter = LevelKindConverter.class)
    @Column(nullable = false, length = 12)
    public YearLevel.Kind kind;

    @Column(precision = 14, scale = 3)
    public BigDecimal value;

    /** The level as adopted, while an amendment (điều chỉnh chỉ tiêu) is in force; else null. */
    @Column(name = "original_raw", length = 40)
    public String originalRaw;

    @Column(name = "original_value", precision = 14, scale = 3)
    public BigDecimal originalValue;

    /** The number of the decision behind the amendment in force. */
    @Column(length = 100)
    public String decision;

    public boolean amended() {
      return originalRaw != null;
    }

    public static Level of(int year, YearLevel parsed) {
      Level level = new Level();
      level.year = (short) year;
      level.raw = parsed.raw();
      level.kind = parsed.kind();
      level.value = parsed.value();
      return level;
    }
  }

  @jakarta.persistence.Converter
  public static class KindConverter
      implements jakarta.persistence.AttributeConverter<ItemKind, String> {
    @Override
    public String convertToDatabaseColumn(ItemKind kind) {
      return kind == null ? null : kind.code();
    }

    @Override
    public ItemKind convertToEntityAttribute(String code) {
      return code == null ? null : ItemKind.fromCode(code);
    }
  }

  @jakarta.persistence.Converter
  public static class MeasureConverter
      implements jakarta.persistence.AttributeConverter<MeasureType, String> {
    @Override
    public String convertToDatabaseColumn(MeasureType type) {
      return type == null ? null : type.code();
    }

    @Override
    public MeasureType convertToEntityAttribute(String code) {
      return code == null ? null : MeasureType.fromCode(code);
    }
  }

  @jakarta.persistence.Converter
  public static class LevelKindConverter
      implements jakarta.persistence.AttributeConverter<YearLevel.Kind, String> {
    @Override
    public String convertToDatabaseColumn(YearLevel.Kind kind) {
      return kind == null ? null : kind.code();
    }

    @Override
    public YearLevel.Kind convertToEntityAttribute(String code) {
      return code == null ? null : YearLevel.Kind.fromCode(code);
    }
  }
}
