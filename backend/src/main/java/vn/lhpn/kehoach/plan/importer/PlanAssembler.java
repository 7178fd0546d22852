package vn.lhpn.kehoach.plan.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.Levels;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.YearLevel;

/**
 * Builds the plan tree from a file's rows. Codes are read within their section (1.1 under "I" is
 * not 1.1 under "II"); a row's parent is the item whose code is its code without the last part; a
 * row without a code is a breakdown of the leaf above it. Typos never lose a row: a duplicate code
 * is kept under its own key and reported.
 */
public final class PlanAssembler {
  private static final Pattern ROMAN = Pattern.compile("^[IVX]+\\.?$");

  public PlanDraft assemble(PlanSource source) {
    List<ImportIssue> warnings = new ArrayList<>(source.warnings());
    List<PlanDraft.Item> items = new ArrayList<>();
    Map<String, PlanDraft.Item> byKey = new HashMap<>();
    Map<String, Integer> firstLineOfKey = new HashMap<>();
    Map<String, Integer> breakdownCount = new HashMap<>();
    Map<Departments.Match, Set<String>> spellings = new LinkedHashMap<>();
    Set<Integer> usedFootnotes = new LinkedHashSet<>();
    String section = null;
    PlanDraft.Item lastLeaf = null;

    for (SourceRow row : source.rows()) {
      ItemKind kind = row.kind() != null ? row.kind() : infer(row);
      String key;
      String parentKey;
      if (kind == ItemKind.SECTION) {
        section = row.code().replaceAll("\\.$", "");
        key = section;
        parentKey = null;
        lastLeaf = null;
      } else if (section == null) {
        throw PlanFileException.lines(
            Message.of("plan-file.before-first-section"),
            List.of(
                new ImportIssue(
                    row.line(), row.code(), Message.of("plan-import.outside-section"))));
      } else if (kind == ItemKind.BREAKDOWN) {
        if (lastLeaf == null) {
          throw PlanFileException.lines(
              Message.of("plan-file.breakdown-orphan"),
              List.of(
                  new ImportIssue(row.line(), null, Message.of("plan-import.breakdown-orphan"))));
        }
        parentKey = lastLeaf.key();
        int n = breakdownCount.merge(parentKey, 1, Integer::sum);
        key = parentKey + ".b" + n;
      } else {
        String code = row.code();
        int dot = code.lastIndexOf('.');
        String parentCode = dot > 0 ? code.substring(0, dot) : null;
        parentKey = section;
        if (parentCode != null) {
          String candidate = section + "-" + parentCode;
          if (byKey.containsKey(candidate)) {
            parentKey = candidate;
          } else {
            warnings.add(
                new ImportIssue(
                    row.line(),
                    code,
                    Message.of(
                        "plan-import.parent-missing", "parent", parentCode, "section", section)));
          }
        }
        key = section + "-" + code;
        if (byKey.containsKey(key)) {
          int n = 2;
          while (byKey.containsKey(key + "~" + n)) {
            n++;
          }
          warnings.add(
              new ImportIssue(
                  row.line(),
                  code,
                  Message.of(
                      "plan-import.duplicate-code",
                      "code",
                      code,
                      "first",
                      firstLineOfKey.get(key),
                      "key",
                      key + "~" + n)));
          key = key + "~" + n;
        }
        firstLineOfKey.putIfAbsent(key, row.line());
      }

      Map<Integer, YearLevel> years = new TreeMap<>();
      for (int y = 0; y < source.years().size(); y++) {
        YearLevel level = YearLevel.parse(y < row.years().size() ? row.years().get(y) : "");
        if (level.kind() == YearLevel.Kind.TEXT) {
          warnings.add(
              new ImportIssue(
                  row.line(),
                  row.code(),
                  Message.of(
                      "plan-import.year-level-text",
                      "year",
                      source.years().get(y),
                      "text",
                      level.raw())));
        }
        years.put(source.years().get(y), level);
      }

      Set<Integer> levels = Levels.parse(row.level());
      List<String> departments = new ArrayList<>();
      for (Departments.Match m : Departments.parse(row.lead())) {
        departments.add(m.code());
        if (!m.canonical()) {
          spellings.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(key);
        }
      }
      if (kind == ItemKind.LEAF) {
        if (levels.isEmpty()) {
          warnings.add(
              new ImportIssue(
                  row.line(),
                  row.code(),
                  row.level().isBlank()
                      ? Message.of("plan-import.no-level")
                      : Message.of("plan-import.level-unknown", "level", row.level())));
        }
        if (departments.isEmpty()) {
          warnings.add(new ImportIssue(row.line(), row.code(), Message.of("plan-import.no-lead")));
        }
      }

      Map<Integer, String> footnotes = new TreeMap<>();
      for (Integer ref : row.footnoteRefs()) {
        String text = source.footnotes().get(ref);
        if (text == null) {
          warnings.add(
              new ImportIssue(
                  row.line(), row.code(), Message.of("plan-import.footnote-empty", "ref", ref)));
        } else {
          footnotes.put(ref, text);
          usedFootnotes.add(ref);
        }
      }

      MeasureType measureType = row.measureType();
      String measureUnit = row.measureUnit();
      boolean guessed = measureType != null && !row.measureConfirmed();
      if (measureType == null && (kind == ItemKind.LEAF || kind == ItemKind.BREAKDOWN)) {
        Measures.Guess guess = Measures.guess(years.values(), row.title());
        measureType = guess.type();
        measureUnit = guess.unit();
        guessed = true;
      }

      PlanDraft.Item item =
          new PlanDraft.Item(
              row.line(),
              key,
              parentKey,
              row.code().isEmpty() ? null : row.code(),
              kind,
              row.title(),
              emptyToNull(row.level()),
              levels,
              emptyToNull(row.lead()),
              departments,
              emptyToNull(row.coordinators()),
              emptyToNull(row.funding()),
              footnotes,
              years,
              measureType,
              measureUnit,
              guessed);
      items.add(item);
      byKey.put(key, item);
      if (kind == ItemKind.LEAF) {
        lastLeaf = item;
      } else if (kind != ItemKind.BREAKDOWN) {
        lastLeaf = null;
      }
    }

    items = inferFromBreakdowns(items, warnings);
    spellings.forEach(
        (m, keys) ->
            warnings.add(
                new ImportIssue(
                    null,
                    null,
                    Message.of(
                        m.known()
                            ? "plan-import.department-spelling"
                            : "plan-import.new-department",
                        "printed",
                        m.printed(),
                        "department",
                        m.code(),
                        "items",
                        List.copyOf(keys)))));
    for (Integer n : source.footnotes().keySet()) {
      if (!usedFootnotes.contains(n)) {
        warnings.add(
            new ImportIssue(null, null, Message.of("plan-import.footnote-unused", "ref", n)));
      }
    }
    for (PlanDraft.Item item : items) {
      if (item.kind() == ItemKind.LEAF
          && item.measureType() == MeasureType.COUNT
          && item.measureUnit() == null) {
        warnings.add(
            new ImportIssue(item.line(), item.code(), Message.of("plan-import.count-no-unit")));
      }
    }
    for (PlanDraft.Item item : items) {
      if (item.kind() == ItemKind.GROUP
          && items.stream().noneMatch(i -> item.key().equals(i.parentKey()))) {
        warnings.add(
            new ImportIssue(item.line(), item.code(), Message.of("plan-import.empty-group")));
      }
    }
    return new PlanDraft(
        PlanDraft.codeOf(source.number()),
        source.number(),
        source.title(),
        source.subtitle(),
        source.issuer(),
        source.issuedOn(),
        source.termStart(),
        source.termEnd(),
        source.years(),
        List.copyOf(items),
        List.copyOf(warnings));
  }

  /**
   * A leaf whose levels are all in its breakdown rows (6.1: cấp tỉnh / huyện / cơ sở) is a count;
   * its breakdowns take the leaf's unit word.
   */
  private static List<PlanDraft.Item> inferFromBreakdowns(
      List<PlanDraft.Item> items, List<ImportIssue> warnings) {
    Map<String, PlanDraft.Item> byKey = new HashMap<>();
    items.forEach(i -> byKey.put(i.key(), i));
    List<PlanDraft.Item> out = new ArrayList<>();
    for (PlanDraft.Item item : items) {
      PlanDraft.Item result = item;
      boolean hasBreakdowns =
          items.stream()
              .anyMatch(i -> i.kind() == ItemKind.BREAKDOWN && item.key().equals(i.parentKey()));
      boolean noLevels =
          item.years().values().stream().allMatch(l -> l.kind() == YearLevel.Kind.NONE);
      if (item.kind() == ItemKind.LEAF && item.measureGuessed() && hasBreakdowns && noLevels) {
        result = withMeasure(item, MeasureType.COUNT, Measures.unitWord(item.title()).orElse(null));
      } else if (item.kind() == ItemKind.BREAKDOWN && item.measureGuessed()) {
        PlanDraft.Item parent = byKey.get(item.parentKey());
        String unit =
            parent == null ? null : Measures.unitWord(parent.title()).orElse(parent.measureUnit());
        result =
            withMeasure(
                item,
                item.measureType(),
                item.measureType() == MeasureType.COUNT ? unit : item.measureUnit());
      }
      out.add(result);
    }
    return out;
  }

  private static PlanDraft.Item withMeasure(PlanDraft.Item i, MeasureType type, String unit) {
    return new PlanDraft.Item(
        i.line(),
        i.key(),
        i.parentKey(),
        i.code(),
        i.kind(),
        i.title(),
        i.implementingLevel(),
        i.implementingLevels(),
        i.lead(),
        i.departments(),
        i.coordinators(),
        i.funding(),
        i.footnotes(),
        i.years(),
        type,
        unit,
        i.measureGuessed());
  }

  private static ItemKind infer(SourceRow row) {
    if (ROMAN.matcher(row.code()).matches()) {
      return ItemKind.SECTION;
    }
    if (row.code().isEmpty()) {
      return ItemKind.BREAKDOWN;
    }
    return row.bold() ? ItemKind.GROUP : ItemKind.LEAF;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
