import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { PlanChange, PlanData, Region } from '@/core/model'
import type { PlanEvaluation } from '@/core/plans/evaluate-plan'
import { PlanSession } from '@/core/workspace/plan-session'
import { evaluateTownView, type TownRow, type TownView, type TownViewChoice } from '@/core/workspace/town-view'
import { getDatabase } from '@/db/database'
import { openStartPlan, resetDemoPlan } from '@/db/demo-plan'
import { loadPlan } from '@/db/plan-repository'
import { loadDemoPlanData } from '@/db/demo-source'

/** A request to show a region on the map; `from` tags who asked, so map and app never ping-pong. */
export interface FocusRequest {
  regionCode: string
  from: 'app'
  animate: boolean
  at: number
}

const today = (): string => new Date().toISOString().slice(0, 10)

/** The open plan: its data from IndexedDB, the date it is read on, and what the coverage table shows. */
export const usePlanStore = defineStore('plan', () => {
  /** Everything the open plan holds; replaced as a whole on open and reset (shallow: 3,000+ sites). */
  const data = shallowRef<PlanData | null>(null)
  /** 'loading' until the plan is read (or written, on first run); 'error' shows `errorMessage`. */
  const state = ref<'loading' | 'ready' | 'error'>('loading')
  const errorMessage = ref('')
  /** ISO date the figures are counted on: the plan's report date, else today. */
  const asOfDate = ref(today())
  /** The last "show this region" request, consumed by the map. */
  const focusRequest = shallowRef<FocusRequest | null>(null)

  const rootRegion = computed<Region | null>(() => data.value?.regions.find((r) => r.code === data.value?.plan.rootRegionCode) ?? null)
  /** Which kind of site and which milestone the town table and the choropleth show. */
  const townChoice = ref<TownViewChoice>({ kind: 'merchant', milestone: 'year' })

  /**
   * The engine's state for `data`, kept current by applyChanges (an edit costs microseconds, whatever the plan's
   * size). When `data` was replaced as a whole (open, reload, a failed write put back) a new session starts,
   * keeping the region index if the regions are the same.
   */
  let session: PlanSession | null = null
  const sessionFor = (plan: PlanData): PlanSession => {
    if (session?.data !== plan) session = new PlanSession(plan, session)
    return session
  }
  const validDate = (): boolean => /^\d{4}-\d{2}-\d{2}$/.test(asOfDate.value)

  // Same objects after a site edit (updated in place): only the regions, or a replaced plan, make new ones.
  const regionIndex = computed(() => (data.value ? sessionFor(data.value).index : null))
  const assignment = computed(() => (data.value ? sessionFor(data.value).assignment : null))
  const townView = computed<TownView | null>(() => {
    if (!data.value || !validDate()) return null
    const current = sessionFor(data.value)
    return evaluateTownView(data.value, asOfDate.value, townChoice.value, { index: current.index, assignment: current.assignment, evaluator: current.evaluator(asOfDate.value) })
  })
  /** Every target of the plan evaluated on the as-of date (the dashboard's targets table). */
  const evaluation = computed<PlanEvaluation | null>(() => (data.value && validDate() ? sessionFor(data.value).evaluator(asOfDate.value).evaluate() : null))
  const townRows = computed<TownRow[]>(() => townView.value?.towns ?? [])
  const countyRow = computed<TownRow | null>(() => townView.value?.root ?? null)

  /** Applies changes to the open plan in memory: the counters follow each site edit instead of recounting. */
  function applyChanges(changes: readonly PlanChange[]): void {
    if (data.value) data.value = sessionFor(data.value).apply(changes)
  }

  function show(plan: PlanData): void {
    data.value = plan
    asOfDate.value = plan.plan.settings.asOfDate ?? today()
    state.value = 'ready'
  }

  async function open(): Promise<void> {
    state.value = 'loading'
    try {
      show(await openStartPlan(getDatabase(), loadDemoPlanData))
    } catch (error) {
      errorMessage.value = error instanceof Error ? error.message : String(error)
      state.value = 'error'
    }
  }

  /**
   * The go-live date an edit records when a site goes live: today, or the as-of date when the user is looking
   * at an earlier day (a report date), so the change counts on the day being looked at.
   */
  const goLiveDate = computed(() => (asOfDate.value < today() ? asOfDate.value : today()))

  /** Reads the open plan again (another tab replaced it: a demo reset, a bundle import). */
  async function reload(): Promise<void> {
    const planId = data.value?.plan.id
    const fresh = planId ? await loadPlan(getDatabase(), planId) : null
    if (fresh) data.value = fresh
  }

  async function resetDemo(): Promise<void> {
    show(await resetDemoPlan(getDatabase(), loadDemoPlanData))
    focusRegion(data.value?.plan.rootRegionCode ?? '', false)
  }

  function focusRegion(regionCode: string, animate = true): void {
    focusRequest.value = { regionCode, from: 'app', animate, at: Date.now() }
  }

  watch(asOfDate, (value) => {
    if (!value) asOfDate.value = data.value?.plan.settings.asOfDate ?? today()
  })

  return { data, state, errorMessage, asOfDate, focusRequest, townChoice, rootRegion, regionIndex, assignment, townView, evaluation, townRows, countyRow, goLiveDate, applyChanges, show, open, reload, resetDemo, focusRegion }
})
