import { onBeforeUnmount, ref } from 'vue'

export interface Located {
  lng: number
  lat: number
  accuracyMeters: number
}

/**
 * "Locate me": follows the device's position (browsers report WGS-84, as the plan stores). The error is kept
 * as a code the UI translates: denied, unavailable, timeout, unsupported.
 */
export function useGeolocation(onLocated: (position: Located) => void) {
  const locating = ref(false)
  const error = ref<'denied' | 'unavailable' | 'timeout' | 'unsupported' | null>(null)
  let watchId: number | null = null

  function locate(): void {
    if (!('geolocation' in navigator)) {
      error.value = 'unsupported'
      return
    }
    locating.value = true
    error.value = null
    if (watchId !== null) navigator.geolocation.clearWatch(watchId)
    watchId = navigator.geolocation.watchPosition(
      ({ coords }) => {
        locating.value = false
        onLocated({ lng: coords.longitude, lat: coords.latitude, accuracyMeters: coords.accuracy })
      },
      (failure) => {
        locating.value = false
        error.value = failure.code === failure.PERMISSION_DENIED ? 'denied' : failure.code === failure.TIMEOUT ? 'timeout' : 'unavailable'
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 10_000 },
    )
  }

  onBeforeUnmount(() => {
    if (watchId !== null) navigator.geolocation.clearWatch(watchId)
  })
  return { locate, locating, error }
}
