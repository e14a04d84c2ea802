import { ref } from 'vue'
import { registerSW } from 'virtual:pwa-register'

/**
 * The service worker's update offer: `updateReady` turns true when a new version is downloaded; the app applies
 * it only when the user says so, never in the middle of their work.
 */
export function useAppUpdate() {
  const updateReady = ref(false)
  const offlineReady = ref(false)
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => { updateReady.value = true },
    onOfflineReady: () => { offlineReady.value = true },
  })
  return {
    updateReady,
    offlineReady,
    applyUpdate: () => update(true),
    dismiss: () => { updateReady.value = false },
  }
}
