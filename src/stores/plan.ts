import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { assignSites } from '@/core/coverage/assign-sites'
import { buildRegionIndex } from '@/core/geometry/region-index'
import type { PlanData, Region } from '@/core/model'
import { evaluatePlan, type PlanEvaluation } from '@/core/plans/evaluate-plan'
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

  // The region index and the site assignment only change with the regions / the sites, not with the date.
  const regionIndex = computed(() => (data.value ? buildRegionIndex(data.value.regions) : null))
  const assignment = computed(() => (data.value && regionIndex.value ? assignSites(regionIndex.value, data.value.sites) : null))
  const townView = computed<TownView | null>(() => {
    if (!data.value || !regionIndex.value || !assignment.value || !/^\d{4}-\d{2}-\d{2}$/.test(asOfDate.value)) return null
    return evaluateTownView(data.value, asOfDate.value, townChoice.value, { index: regionIndex.value, assignment: assignment.value })
  })
  /** Every target of the plan evaluated on the as-of date (the dashboard's targets table). */
  const evaluation = computed<PlanEvaluation | null>(() => {
    if (!data.value || !regionIndex.value || !assignment.value || !/^\d{4}-\d{2}-\d{2}$/.test(asOfDate.value)) return null
    return evaluatePlan(data.value, asOfDate.value, { index: regionIndex.value, assignment: assignment.value })
  })
  const townRows = computed<TownRow[]>(() => townView.value?.towns ?? [])
  const countyRow = computed<TownRow | null>(() => townView.value?.root ?? null)

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

  return { data, state, errorMessage, asOfDate, focusRequest, townChoice, rootRegion, regionIndex, assignment, townView, evaluation, townRows, countyRow, goLiveDate, show, open, reload, resetDemo, focusRegion }
})
