import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationTypes, type ValidationArguments } from 'class-validator';
import { DomainException, flattenValidationErrors, type FieldError } from '@kehu/server-core';

type Check = (object: Record<string, unknown>) => boolean;

/**
 * A yes/no check of a DTO built once from its class-validator metadata: the very constraint
 * functions `validateSync` calls, in the same order and with the same arguments, without
 * building a ValidationError per property. `validateSync` re-reads and groups the metadata and
 * allocates its error tree on every call, which was most of an import row's CPU. Null when the
 * DTO uses something this does not follow (nested or promise validation, Map/Set `each`): the
 * caller then keeps using `validateSync`.
 */
export function compileDtoCheck(dto: new () => object): Check | null {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(dto, undefined as unknown as string, false, false, undefined);
  if (!metadatas.length) return null;
  const grouped = storage.groupByPropertyName(metadatas);
  const known = new Set(Object.keys(grouped).filter((p) => grouped[p].length));
  const properties: Check[] = [];
  for (const [property, all] of Object.entries(grouped)) {
    const conditions: ((o: object, v: unknown) => boolean)[] = [];
    const rules: ((o: Record<string, unknown>, v: unknown) => boolean)[] = [];
    for (const m of all) {
      if (m.type === ValidationTypes.WHITELIST) continue;
      if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) conditions.push(m.constraints[0]);
      else if (m.type === ValidationTypes.CUSTOM_VALIDATION || m.type === ValidationTypes.IS_DEFINED) {
        for (const c of storage.getTargetValidatorConstraints(m.constraintCls)) {
          if (c.async) continue; // validateSync skips these too
          const validate = (value: unknown, args: ValidationArguments) => isValidSync(c.instance.validate(value, args));
          rules.push((o, v) => {
            if (m.validateIf && !m.validateIf(o, v)) return true;
            const args: ValidationArguments = { targetName: dto.name, property, object: o, value: v, constraints: m.constraints };
            if (!m.each || !(Array.isArray(v) || v instanceof Set || v instanceof Map)) return validate(v, args);
            if (!Array.isArray(v)) return false; // Set/Map: let validateSync decide
            for (const item of v) if (!validate(item, args)) return false;
            return true;
          });
        }
      } else return null; // nested or promise validation
    }
    properties.push((o) => {
      const v = o[property];
      for (const c of conditions) if (!c(o, v)) return true; // e.g. IsOptional and absent
      for (const r of rules) if (!r(o, v)) return false;
      return true;
    });
  }
  return (o) => {
    for (const k of Object.keys(o)) if (!known.has(k)) return false; // forbidNonWhitelisted
    for (const p of properties) if (!p(o)) return false;
    return true;
  };
}

/** Truthy is valid, as in validateSync; a promise is left to validateSync. */
function isValidSync(result: unknown): boolean {
  return !!result && typeof (result as Promise<unknown>).then !== 'function';
}

const checks = new WeakMap<new () => object, Check | null>();

/**
 * The API's body validation (same DTO class, same options as the global ValidationPipe) for one
 * CSV row. Rows the compiled check accepts are valid by the same rules; anything else goes
 * through `validateSync`, so a failed row's errors are exactly the API's.
 */
export function validateRow<T extends object>(dto: new () => T, input: Record<string, unknown>): { value: T } | { errors: FieldError[] } {
  let check = checks.get(dto);
  if (check === undefined) checks.set(dto, (check = compileDtoCheck(dto)));
  const value = plainToInstance(dto, input);
  if (check?.(value as Record<string, unknown>)) return { value };
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length ? { errors: flattenValidationErrors(errors) } : { value };
}

/** The field errors a domain rule threw (normalisation, custom fields); anything else is not a row problem and rethrows. */
export function rowErrors(err: unknown): FieldError[] {
  if (err instanceof DomainException) return err.options.errors?.length ? err.options.errors : [{ field: 'row', rule: String(err.code), message: err.detail ?? String(err.code) }];
  throw err;
}
