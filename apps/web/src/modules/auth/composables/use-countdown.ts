import { computed, onScopeDispose, ref } from 'vue';

/** Seconds left until a lockout ends, ticking once a second. */
export function useCountdown() {
  const remaining = ref(0);
  let timer: ReturnType<typeof setInterval> | undefined;

  function stop() {
    clearInterval(timer);
    timer = undefined;
  }

  function start(seconds: number) {
    stop();
    remaining.value = Math.max(0, Math.ceil(seconds));
    if (!remaining.value) return;
    timer = setInterval(() => {
      remaining.value -= 1;
      if (remaining.value <= 0) stop();
    }, 1000);
  }

  onScopeDispose(stop);
  return { remaining, running: computed(() => remaining.value > 0), start };
}
