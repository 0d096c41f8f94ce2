import { computed } from 'vue';
import { useIsMobile } from './use-viewport';

/** Dialog props that fill a phone screen and keep `width` elsewhere: `v-bind="dialogSize"`. */
export function useDialogSize(width = '560px') {
  const isMobile = useIsMobile();
  return computed(() => (isMobile.value ? { fullscreen: true, width: '100%' } : { fullscreen: false, width }));
}
