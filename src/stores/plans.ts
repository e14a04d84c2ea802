import { defineStore } from 'pinia'
import { ref } from 'vue'
import { newPlanData, type NewPlanRequest } from '@/core/workspace/new-plan'
import { downloadBlob } from '@/composables/download'
import { exportChangeSet, importChangeSet, listConflicts, resolveConflicts, type ChangeSetImport } from '@/db/change-sets'
import { getDatabase } from '@/db/database'
import { setActivePlanId } from '@/db/demo-plan'
import { getDeviceSettings, setDeviceUserName } from '@/db/device-settings'
import { createPlan, deletePlan, duplicatePlan, listPlans, loadPlan, readPlanBackup, renamePlan, restorePlanBackup, type PlanSummary } from '@/db/plan-repository'
import { requestPersistentStorage, storageEstimate, type StorageEstimate } from '@/db/storage-quota'
import type { Conflict } from '@/io/bundle/change-set'
import { bundleFileName, exportBundle, parseBundle, type ParsedBundle } from '@/io/bundle/plan-bundle'
import { exportChangeSetFile, parseChangeSet } from '@/io/bundle/change-set'
import { usePlanStore } from './plan'

/** The plans on this device and what is done to them as a whole: create, switch, copy, back up, exchange. */
export const usePlansStore = defineStore('plans', () => {
  const plan = usePlanStore()
  const db = getDatabase()
  /** Every plan on the device, with its size. */
  const plans = ref<PlanSummary[]>([])
  const storage = ref<StorageEstimate | null>(null)
  const userName = ref('')
  /** Conflicts left by the last change-set import of the open plan, waiting for the user's choice. */
  const conflicts = ref<Conflict[]>([])

  async function refresh(): Promise<void> {
    const [list, estimate, settings] = await Promise.all([listPlans(db), storageEstimate(), getDeviceSettings(db)])
    plans.value = list.toSorted((a, b) => b.plan.updatedAt.localeCompare(a.plan.updatedAt))
    storage.value = estimate
    userName.value = settings.userName
    if (plan.data) conflicts.value = await listConflicts(db, plan.data.plan.id)
  }

  async function open(planId: string): Promise<void> {
    const data = await loadPlan(db, planId)
    if (!data) throw new Error(`plan ${planId} not found`)
    await setActivePlanId(db, planId)
    plan.show(data)
    await refresh()
  }

  async function create(request: NewPlanRequest): Promise<void> {
    const source = plan.data
    if (!source) return
    const data = newPlanData(source, request, crypto.randomUUID(), new Date().toISOString())
    await createPlan(db, data)
    await open(data.plan.id)
  }

  async function duplicate(planId: string, name: string): Promise<void> {
    const copy = await duplicatePlan(db, planId, { name })
    await open(copy.id)
  }

  async function rename(planId: string, name: string): Promise<void> {
    await renamePlan(db, planId, name)
    if (plan.data?.plan.id === planId) plan.applyChanges([{ type: 'plan.update', patch: { name } }])
    await refresh()
  }

  /** Downloads the plan's backup first, then deletes it; the backup file restores it exactly. */
  async function remove(planId: string): Promise<void> {
    await downloadBackup(planId)
    await deletePlan(db, planId)
    if (plan.data?.plan.id === planId) {
      const next = (await listPlans(db))[0]
      if (next) await open(next.plan.id)
      else await plan.open()
    }
    await refresh()
  }

  async function downloadBackup(planId: string): Promise<void> {
    const backup = await readPlanBackup(db, planId)
    if (!backup) throw new Error(`plan ${planId} not found`)
    downloadBlob(await exportBundle(backup), bundleFileName(backup.plan))
  }

  /** Reads a bundle file; the caller asks "replace or copy" when `exists`. */
  async function readBundle(file: File): Promise<{ parsed: ParsedBundle, exists: boolean }> {
    const parsed = await parseBundle(file)
    return { parsed, exists: plans.value.some((p) => p.plan.id === parsed.backup.plan.id) }
  }

  async function restore(parsed: ParsedBundle, mode: 'replace' | 'copy'): Promise<void> {
    const restored = await restorePlanBackup(db, parsed.backup, { mode })
    await open(restored.id)
  }

  async function exportChanges(since: string): Promise<void> {
    if (!plan.data) return
    const set = await exportChangeSet(db, plan.data.plan.id, since)
    downloadBlob(await exportChangeSetFile(set), `${bundleFileName(plan.data.plan).replace('.ecny-plan.json', '')}.changes-since-${since.slice(0, 10)}.json`)
  }

  async function importChanges(file: File): Promise<ChangeSetImport> {
    if (!plan.data) throw new Error('no plan is open')
    const result = await importChangeSet(db, plan.data.plan.id, await parseChangeSet(file))
    await plan.reload()
    await refresh()
    return result
  }

  async function resolve(choices: Record<string, 'mine' | 'theirs'>): Promise<void> {
    if (!plan.data) return
    await resolveConflicts(db, plan.data.plan.id, choices)
    await plan.reload()
    await refresh()
  }

  async function saveUserName(name: string): Promise<void> {
    userName.value = (await setDeviceUserName(db, name)).userName
  }

  async function persist(): Promise<void> {
    await requestPersistentStorage()
    storage.value = await storageEstimate()
  }

  return { plans, storage, userName, conflicts, refresh, open, create, duplicate, rename, remove, downloadBackup, readBundle, restore, exportChanges, importChanges, resolve, saveUserName, persist }
})
