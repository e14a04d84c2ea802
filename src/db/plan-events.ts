import type { ChangeRecord, PlanChange } from '@/core/model'
import type { ChangeRow, PlannerDatabase } from './database'
import { fromChangeRow } from './stored-change'

/**
 * What another tab did to a plan. 'change': a commit, undo or redo — apply `apply` to the plan in memory
 * (applyPlanChanges) to catch up without a reload. 'replaced': the plan was written afresh (demo reset, bundle
 * import, merge): load it again. 'created'/'deleted'/'renamed' keep a plan list current.
 */
export type PlanEvent
  = | { type: 'change', planId: string, direction: 'commit' | 'undo' | 'redo', record: ChangeRecord, apply: PlanChange[] }
    | { type: 'replaced' | 'created' | 'deleted', planId: string }

/** What travels over the channel: the stored form, so a change of 500,000 sites is cheap to clone. */
type PlanMessage
  = | { source: string, type: 'change', planId: string, direction: 'commit' | 'undo' | 'redo', row: ChangeRow }
    | { source: string, type: 'replaced' | 'created' | 'deleted', planId: string }

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

const senders = new WeakMap<PlannerDatabase, BroadcastChannel>()

function channelName(db: PlannerDatabase): string {
  return `ecny-planner:${db.name}`
}

/** Tells the other tabs (other connections to the same database) what was just committed. */
export function announce(db: PlannerDatabase, message: DistributiveOmit<PlanMessage, 'source'>): void {
  if (typeof BroadcastChannel === 'undefined') return
  let channel = senders.get(db)
  if (!channel) {
    channel = new BroadcastChannel(channelName(db))
    // In Node (tests, CLI) an open channel would keep the process alive.
    ;(channel as { unref?: () => void }).unref?.()
    senders.set(db, channel)
  }
  channel.postMessage({ ...message, source: db.connectionId })
}

/** Calls `listener` for every change another tab makes to any plan; returns the function that stops it. */
export function watchPlans(db: PlannerDatabase, listener: (event: PlanEvent) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined
  const channel = new BroadcastChannel(channelName(db))
  channel.onmessage = ({ data }: MessageEvent<PlanMessage>) => {
    if (data.source === db.connectionId) return
    listener(toEvent(data))
  }
  return () => channel.close()
}

/** Calls `listener` for every change another tab makes to the plan `planId`; returns the function that stops it. */
export function watchPlan(db: PlannerDatabase, planId: string, listener: (event: PlanEvent) => void): () => void {
  return watchPlans(db, (event) => {
    if (event.planId === planId) listener(event)
  })
}

function toEvent(message: PlanMessage): PlanEvent {
  if (message.type !== 'change') return { type: message.type, planId: message.planId }
  const record = fromChangeRow(message.row)
  const apply = message.direction === 'undo' ? record.before : record.after
  return { type: 'change', planId: message.planId, direction: message.direction, record, apply }
}
