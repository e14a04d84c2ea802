import { ref } from 'vue'

/**
 * Runs one task at a time for a form or dialog: `busy` while it runs, and its failure kept in `error` (in the
 * words `describe` gives it) instead of thrown, so the UI shows it and the user can try again.
 */
export function useBusyTask(describe: (message: string) => string = (message) => message) {
  const busy = ref(false)
  const error = ref('')
  async function run(task: () => Promise<void>): Promise<void> {
    busy.value = true
    error.value = ''
    try {
      await task()
    } catch (failure) {
      error.value = describe(failure instanceof Error ? failure.message : String(failure))
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
