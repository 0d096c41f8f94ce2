import { onScopeDispose, ref, type Ref } from 'vue';

/** Below this width the sidebar turns into a drawer (phones, small tablets in portrait). */
export const mobileQuery = '(max-width: 767px)';

/** True while the window is phone-sized; follows resizes and rotation. */
export function useIsMobile(): Ref<boolean> {
  const media = window.matchMedia(mobileQuery);
  const isMobile = ref(media.matches);
  const update = (event: MediaQueryListEvent) => (isMobile.value = event.matches);
  media.addEventListener('change', update);
  onScopeDispose(() => media.removeEventListener('change', update));
  return isMobile;
}
