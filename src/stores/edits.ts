import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { PlanChange, Site } from '@/core/model'
import { getDatabase } from '@/db/database'
import { watchPlan } from '@/db/plan-events'
import { commitChange, getHistorySummary, redo as redoChange, undo as undoChange, type HistorySummary } from '@/db/plan-store'
import { usePlanStore } from './plan'

/**
 * Every edit of the open plan goes through here: applied to the plan in memory at once (the table and the map
 * update in the same frame), then stored in one transaction with its change-log entry. A failed write puts the
 * plan back as it was and keeps the message for the form that asked, so the user can retry.
 */
export const useEditStore = defineStore('edits', () => {
  const plan = usePlanStore()
  /** True while a write is in flight. */
  const saving = ref(false)
  /**
   * An undo or redo that could not be stored (a full disk), until the next successful write or until dismissed.
   * A failed edit is not kept here: the form that asked for it shows its failure and keeps the input.
   */
  const historyError = ref<{ direction: 'undo' | 'redo', error: unknown } | null>(null)
  /** Where the open plan stands in its history (what undo and redo would do), from the database. */
  const history = ref<HistorySummary | null>(null)
  const canUndo = computed(() => history.value?.canUndo ?? false)
  const canRedo = computed(() => history.value?.canRedo ?? false)
  let stopWatching: () => void = () => {}

  async function refreshHistory(): Promise<void> {
    const planId = plan.data?.plan.id
    if (!planId) return
    history.value = await getHistorySummary(getDatabase(), planId)
  }

  /** Applies and stores changes as one undoable step; rejects (after restoring the plan) when the write fails. */
  async function commit(changes: PlanChange[], label: string): Promise<void> {
    const before = plan.data
    if (!before) return
    plan.applyChanges(changes)
    saving.value = true
    try {
      await commitChange(getDatabase(), before.plan.id, changes, { label })
      historyError.value = null
      await refreshHistory()
    } catch (error) {
      plan.data = before
      throw error
    } finally {
      saving.value = false
    }
  }

  async function updateSites(sites: Site[], label: string): Promise<void> {
    await commit([{ type: 'sites.put', sites }], label)
  }

  async function step(direction: 'undo' | 'redo'): Promise<void> {
    const current = plan.data
    if (!current || saving.value) return
    saving.value = true
    try {
      const record = await (direction === 'undo' ? undoChange : redoChange)(getDatabase(), current.plan.id)
      if (record) plan.applyChanges(direction === 'undo' ? record.before : record.after)
      historyError.value = null
      await refreshHistory()
    } catch (error) {
      historyError.value = { direction, error }
    } finally {
      saving.value = false
    }
  }

  /** Follows the open plan: loads its history and applies what other tabs do to it, without a reload. */
  function follow(planId: string): void {
    stopWatching()
    stopWatching = watchPlan(getDatabase(), planId, (event) => {
      if (!plan.data || plan.data.plan.id !== planId) return
      if (event.type === 'change') plan.applyChanges(event.apply)
      else if (event.type === 'replaced') void plan.reload()
      void refreshHistory()
    })
    void refreshHistory()
  }

  return { saving, historyError, history, canUndo, canRedo, commit, updateSites, undo: () => step('undo'), redo: () => step('redo'), follow }
})
