import { onScopeDispose, ref } from 'vue';

// One ticking clock for every SLA badge on screen: relative due times ("2 小时后到期") stay
// true while a list is open, with a single timer however many rows there are.
const now = ref(new Date());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** The current time, refreshed every 30 seconds while a component uses it. */
export function useCaseNow() {
  users += 1;
  if (!timer) {
    now.value = new Date();
    timer = setInterval(() => (now.value = new Date()), 30_000);
  }
  onScopeDispose(() => {
    users -= 1;
    if (users === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  });
  return now;
}
