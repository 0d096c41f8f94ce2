import { reactive } from 'vue';
import { isApiProblemError, type FieldError } from '@kehu/api-client';
import { ruleMessage } from './rule-message';

/**
 * Field messages from a problem's `errors[]`, for `<el-form-item :error="fieldErrors.email">`.
 * `apply` returns false when the error has no field errors, so the caller can show it otherwise.
 */
export function useFieldErrors<Field extends string>() {
  // Typed after `reactive` so generic keys stay indexable.
  const fieldErrors = reactive({}) as Partial<Record<Field, string>>;

  function clear(): void {
    for (const key of Object.keys(fieldErrors) as Field[]) delete fieldErrors[key];
  }

  function apply(error: unknown, fields: readonly Field[]): boolean {
    clear();
    if (!isApiProblemError(error)) return false;
    let matched = false;
    for (const { field, message, rule } of error.errors) {
      // The API names body fields plainly (`email`) or with a prefix (`body.email`).
      const name = field.replace(/^body\./, '') as Field;
      if (fields.includes(name) && !fieldErrors[name]) {
        fieldErrors[name] = fieldMessage({ field, message, rule });
        matched = true;
      }
    }
    return matched;
  }

  return { fieldErrors, apply, clear };
}

/** Our translation of a rule where we have one; the API's (English) message otherwise. */
function fieldMessage({ message, rule }: FieldError): string {
  return ruleMessage(rule, message);
}
