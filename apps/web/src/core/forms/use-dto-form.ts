import { reactive, watch } from 'vue';
import { isApiProblemError } from '@kehu/api-client';
import { validateDto } from './validate-dto';
import { useFieldErrors } from './use-field-errors';

/**
 * Field errors for a form backed by a DTO: checked in the browser with the shared class
 * before sending, and the API's `errors[]` mapped to the same fields afterwards.
 * Bind `:error="errors.name"` on each `<el-form-item>`.
 */
export function useDtoForm<Field extends string>(dto: new () => object, fields: readonly Field[]) {
  const server = useFieldErrors<Field>();
  const errors = reactive({}) as Partial<Record<Field, string>>;

  function clear(): void {
    server.clear();
    for (const key of Object.keys(errors) as Field[]) delete errors[key];
  }

  /** True when the values pass the DTO's rules; otherwise the messages are shown. */
  async function check(values: object): Promise<boolean> {
    clear();
    const found = await validateDto(dto, values);
    for (const field of fields) if (found[field]) errors[field] = found[field];
    return Object.keys(found).length === 0;
  }

  /** Shows an API validation error at its fields; false when it named none of them. */
  function applyServer(error: unknown): boolean {
    clear();
    if (!isApiProblemError(error) || !server.apply(error, fields)) return false;
    Object.assign(errors, server.fieldErrors);
    return true;
  }

  /** Hides a field's message as soon as the user changes that field. */
  function track(values: Partial<Record<Field, unknown>>): void {
    for (const field of fields) watch(() => values[field], () => delete errors[field], { deep: true });
  }

  return { errors, check, applyServer, clear, track };
}
