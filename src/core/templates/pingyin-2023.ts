import type { Milestone } from '../model'
import { PINGYIN_ANNEX, type AnnexRow } from './pingyin-annex'
import { MILESTONE_DATES_2023, type TargetSpec, type TargetTemplate } from './template-spec'

type AnnexMilestone = Exclude<Milestone, 'custom'>
const MILESTONES: readonly AnnexMilestone[] = ['H1', 'Q3', 'year']
const MILESTONE_ZH: Record<AnnexMilestone, string> = { H1: '上半年', Q3: '三季度', year: '全年' }

/** 锦水街道, home of the star community 祥生未来城 (annex row 16). */
export const JINSHUI_STREET_CODE = '370124002000'

type Numeric = Omit<TargetSpec, 'row' | 'text' | 'owner' | 'dueDate' | 'milestone'>

/**
 * The computable targets of each annex cell ("row.milestone"). A cell listed here yields these targets
 * (plus a checklist item when it is in ALSO_CHECKLIST, for its qualitative remainder); every other cell
 * is a checklist item with the cell's own words.
 */
const NUMERIC: Record<string, Numeric[]> = {
  '1.Q3': [{ key: 'r1-q3-payroll', title: '代发工资：3 家部门单位试点', metric: 'count', kind: 'payroll_unit', threshold: 3 }],
  '1.year': [{ key: 'r1-year-payroll', title: '代发工资：5 家以上部门单位试点', metric: 'count', kind: 'payroll_unit', threshold: 5 }],
  '2.Q3': [{ key: 'r2-q3-union', title: '工会费：县机关工会数字人民币缴纳全覆盖', metric: 'complete', kind: 'union', threshold: 1 }],
  '3.H1': [{ key: 'r3-h1-school', title: '校园：3 家左右学校应用落地', metric: 'count', kind: 'school', threshold: 3 }],
  '3.Q3': [
    { key: 'r3-q3-school-urban', title: '校园：城区 5 家左右学校', metric: 'count', kind: 'school', threshold: 5 },
    { key: 'r3-q3-school-each-town', title: '校园：各镇至少 1 家学校', metric: 'count', kind: 'school', threshold: 1, each: 'town' },
  ],
  '3.year': [{ key: 'r3-year-school', title: '校园：全县 20 家左右学校', metric: 'count', kind: 'school', threshold: 20 }],
  '4.Q3': [{ key: 'r4-q3-hospital', title: '医疗：1 家医疗机构试点', metric: 'count', kind: 'hospital', threshold: 1 }],
  '5.H1': [{ key: 'r5-h1-bus-line', title: '公交：上线试点公交线路', metric: 'count', kind: 'bus_line', threshold: 1 }],
  '5.Q3': [{ key: 'r5-q3-bus-line', title: '公交：覆盖 2 条公交线路', metric: 'count', kind: 'bus_line', threshold: 2 }],
  '5.year': [{ key: 'r5-year-bus-vehicles', title: '公交：全部公交车辆数字人民币购票', metric: 'complete', kind: 'bus_line', countUnits: true, threshold: 1 }],
  '6.Q3': [
    { key: 'r6-q3-utility', title: '水电气暖：20% 场景覆盖', metric: 'share', kind: 'utility_point', threshold: 0.2 },
    { key: 'r6-q3-parking', title: '停车收费：全县全覆盖', metric: 'complete', kind: 'parking', threshold: 1 },
  ],
  '7.Q3': [{ key: 'r7-q3-fiscal', title: '财政资金拨付：3 家部门单位发放工资、车补', metric: 'count', kind: 'payroll_unit', threshold: 3 }],
  '8.year': [
    { key: 'r8-year-merchant', title: '零售：全县 30% 商户改造数币收单', metric: 'share', kind: 'merchant', threshold: 0.3 },
    { key: 'r8-year-cluster-each-town', title: '零售：每个镇街至少 1 个消费集聚区', metric: 'exists', threshold: 1, each: 'town' },
  ],
  '9.Q3': [{ key: 'r9-q3-postal', title: '邮政：30% 网点收款和上门收件场景', metric: 'share', kind: 'postal_outlet', threshold: 0.3 }],
  '9.year': [{ key: 'r9-year-postal', title: '邮政：网点收款和上门收件 100% 全覆盖', metric: 'complete', kind: 'postal_outlet', threshold: 1 }],
  '10.Q3': [{ key: 'r10-q3-venue', title: '文旅体育：文化消费场所、公共体育场馆覆盖率 30%', metric: 'share', kind: 'venue', threshold: 0.3 }],
  '11.year': [{ key: 'r11-year-tax', title: '缴税：1-2 家税务分局或服务窗口试点', metric: 'count', kind: 'tax_hall', threshold: 1 }],
  '14.year': [
    { key: 'r14-year-transactions', title: '消费补贴：全年数币消费笔数突破 2 万笔', metric: 'indicator', indicator: 'transaction_count', threshold: 20_000 },
    { key: 'r14-year-amount', title: '消费补贴：全年数币消费金额突破 1000 万元', metric: 'indicator', indicator: 'transaction_amount_yuan', threshold: 10_000_000 },
  ],
  '16.Q3': [{ key: 'r16-q3-community', title: '明星社区祥生未来城：消费场景 50% 覆盖', metric: 'share', kind: 'community', threshold: 0.5, regionCode: JINSHUI_STREET_CODE }],
  '16.year': [{ key: 'r16-year-community', title: '明星社区祥生未来城：全消费生态建成', metric: 'complete', kind: 'community', threshold: 1, regionCode: JINSHUI_STREET_CODE }],
}

/** Cells whose words ask for more than their numbers: they also get a checklist item. */
const ALSO_CHECKLIST = new Set(['1.year', '8.year'])

function cellSpecs(row: AnnexRow, milestone: AnnexMilestone): TargetSpec[] {
  const cell = `${row.row}.${milestone}`
  const base = { row: `附件 ${row.row}`, text: row[milestone], owner: row.owner, dueDate: MILESTONE_DATES_2023[milestone], milestone }
  const numeric = (NUMERIC[cell] ?? []).map((spec) => ({ ...base, ...spec }))
  if (numeric.length > 0 && !ALSO_CHECKLIST.has(cell)) return numeric
  const checklist: TargetSpec = {
    ...base,
    key: `r${row.row}-${milestone.toLowerCase()}-task`,
    title: `${row.task}（${MILESTONE_ZH[milestone]}）`,
    metric: 'checklist',
    threshold: 1,
  }
  return [...numeric, checklist]
}

/** Targets the plan's text sets outside the annex (二、总体目标). */
const GOAL_TEXT = '2023 年每个镇街建成至少 1 个数字人民币消费集聚区，建立银座、万商城等示范商圈，所有医院、校园实现数字人民币消费全覆盖。'
const GOAL_BASE = { row: '二、总体目标', text: GOAL_TEXT, dueDate: MILESTONE_DATES_2023.year, milestone: 'year', metric: 'complete', threshold: 1 } as const
const GOALS: TargetSpec[] = [
  { ...GOAL_BASE, key: 'goal-hospital-all', title: '所有医院数字人民币消费全覆盖', kind: 'hospital' },
  { ...GOAL_BASE, key: 'goal-school-all', title: '所有校园数字人民币消费全覆盖', kind: 'school' },
]

/** Seed plan 000: Pingyin County 2023 — every annex cell, numeric where the plan gives a number. */
export const PINGYIN_2023: TargetTemplate = {
  id: 'pingyin-2023',
  name: { zh: '平阴县 2023 年数字人民币试点目标任务清单', en: 'Pingyin County 2023 e-CNY pilot task list' },
  planId: '000',
  rootLevel: 'county',
  specs: [...PINGYIN_ANNEX.flatMap((row) => MILESTONES.flatMap((m) => cellSpecs(row, m))), ...GOALS],
}
