import type { components } from './schema';

// Named shapes of the API, from the generated schema.
export type Me = components['schemas']['Me'];
export type OrgUnitSummary = components['schemas']['OrgUnitSummary'];
export type OrgUnitDetail = components['schemas']['OrgUnitDetail'];
export type OrgUnitNode = components['schemas']['OrgUnitNode'];
export type Plan = components['schemas']['PlanSummary'];
export type PlanItem = components['schemas']['PlanItem'];
export type DepartmentRef = components['schemas']['DepartmentRef'];
export type PlanImportReport = components['schemas']['PlanImportReport'];
export type UnitChangeSetReport = components['schemas']['UnitChangeSetReport'];
export type UnitChangeSet = components['schemas']['UnitChangeSet'];
