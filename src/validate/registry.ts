/** Every rule, in the order `jixiao rules` lists them. Ids are stable: configs and CI refer to them. */
import type { Rule } from "./types.ts";
import unreadTable from "./rules/extraction/unread-table.ts";
import missingProjects from "./rules/extraction/missing-projects.ts";
import namelessProject from "./rules/extraction/nameless-project.ts";
import missingBudget from "./rules/extraction/missing-budget.ts";
import orphanIndicators from "./rules/extraction/orphan-indicators.ts";
import unplacedRows from "./rules/extraction/unplaced-rows.ts";
import backendWarning from "./rules/extraction/backend-warning.ts";
import fiscalPlusOther from "./rules/budget-arithmetic/fiscal-plus-other.ts";
import totalRow from "./rules/budget-arithmetic/total-row.ts";
import departmentParts from "./rules/budget-arithmetic/department-parts.ts";
import taskAmounts from "./rules/budget-arithmetic/task-amounts.ts";
import statedTotal from "./rules/cost-budget-mismatch/stated-total.ts";
import costLinesSum from "./rules/cost-budget-mismatch/cost-lines-sum.ts";
import unitCostTimesQuantity from "./rules/cost-budget-mismatch/unit-cost-times-quantity.ts";
import missingLevel1 from "./rules/taxonomy/missing-level1.ts";
import level2UnderWrongLevel1 from "./rules/taxonomy/level2-under-wrong-level1.ts";
import noCostIndicator from "./rules/taxonomy/no-cost-indicator.ts";
import levelLabelAsName from "./rules/taxonomy/level-label-as-name.ts";
import gluedRange from "./rules/value-format/glued-range.ts";
import percentOver100 from "./rules/value-format/percent-over-100.ts";
import unitMismatch from "./rules/value-format/unit-mismatch.ts";
import emptyValue from "./rules/value-format/empty-value.ts";
import templateLeftover from "./rules/value-format/template-leftover.ts";
import unparsed from "./rules/value-format/unparsed.ts";
import timelinessNotDate from "./rules/measurability/timeliness-not-date.ts";
import vagueTarget from "./rules/measurability/vague-target.ts";
import satisfactionNotPercent from "./rules/measurability/satisfaction-not-percent.ts";
import satisfactionBelowFloor from "./rules/measurability/satisfaction-below-floor.ts";
import notIncreasing from "./rules/spending-plan/not-increasing.ts";
import notEndingAt100 from "./rules/spending-plan/not-ending-at-100.ts";
import goalVsIndicator from "./rules/consistency/goal-vs-indicator.ts";

export const RULES: readonly Rule[] = [
  // First: whether the document was read completely, before what it says.
  unreadTable,
  missingProjects,
  namelessProject,
  missingBudget,
  orphanIndicators,
  unplacedRows,
  backendWarning,
  fiscalPlusOther,
  totalRow,
  departmentParts,
  taskAmounts,
  statedTotal,
  costLinesSum,
  unitCostTimesQuantity,
  missingLevel1,
  level2UnderWrongLevel1,
  noCostIndicator,
  levelLabelAsName,
  gluedRange,
  percentOver100,
  unitMismatch,
  emptyValue,
  templateLeftover,
  unparsed,
  timelinessNotDate,
  vagueTarget,
  satisfactionNotPercent,
  satisfactionBelowFloor,
  notIncreasing,
  notEndingAt100,
  goalVsIndicator,
];

/** Rule ids and their families: what `enable`, `disable` and `severity` may name. */
export function knownSelectors(): Set<string> {
  const s = new Set<string>();
  for (const r of RULES) {
    s.add(r.id);
    s.add(r.id.split("/")[0]);
  }
  return s;
}
