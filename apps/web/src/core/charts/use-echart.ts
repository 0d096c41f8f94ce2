import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';

/**
 * One ECharts instance on an element for the component's lifetime: follows the element's
 * size and re-renders when the option changes. Callers register the chart types and
 * components they use (`use([...])` from echarts), so each page's chunk carries only those.
 */
export function useEchart(el: Ref<HTMLElement | null>, option: () => EChartsCoreOption | null): Ref<ECharts | undefined> {
  const chart = shallowRef<ECharts>();
  let observer: ResizeObserver | undefined;
  const render = () => {
    const o = option();
    if (chart.value && o) chart.value.setOption(o, true);
  };
  onMounted(() => {
    if (!el.value) return;
    chart.value = init(el.value, undefined, { renderer: 'canvas' });
    observer = new ResizeObserver(() => chart.value?.resize());
    observer.observe(el.value);
    render();
  });
  watch(option, render);
  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
  });
  return chart;
}
