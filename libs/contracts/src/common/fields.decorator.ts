// Combined field decorators: one line per DTO field gives the validation rule and the
// OpenAPI description together, so the two cannot drift (immich's pattern).
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Applies several property decorators as one (kept local so no Nest runtime reaches the browser). */
function applyDecorators(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

interface Common {
  optional?: boolean;
  /** Allows an explicit `null` (to clear a value on PATCH). */
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

function doc(options: Common, extra: ApiPropertyOptions): PropertyDecorator {
  const base = { description: options.description, example: options.example, nullable: options.nullable, ...extra } as ApiPropertyOptions;
  return options.optional ? ApiPropertyOptional(base) : ApiProperty(base);
}

function optionality(options: Common): PropertyDecorator[] {
  if (options.optional && options.nullable) return [IsOptional()];
  if (options.optional) return [IsOptional()];
  return [];
}

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export interface StringFieldOptions extends Common {
  maxLength: number;
  minLength?: number;
  pattern?: RegExp;
  /** Said instead of class-validator's "must match /…/ regular expression" (for people, not regex readers). */
  patternMessage?: string;
  format?: string;
  /** Keep surrounding white space (passwords). */
  noTrim?: boolean;
}

export function StringField(options: StringFieldOptions): PropertyDecorator {
  const decorators = [
    ...optionality(options),
    IsString(),
    MaxLength(options.maxLength),
    doc(options, { type: String, maxLength: options.maxLength, minLength: options.minLength, pattern: options.pattern?.source, format: options.format }),
  ];
  if (!options.noTrim) decorators.unshift(trim);
  if (options.minLength !== undefined) decorators.push(MinLength(options.minLength));
  if (options.pattern) decorators.push(Matches(options.pattern, options.patternMessage ? { message: options.patternMessage } : undefined));
  return applyDecorators(...decorators);
}

export function EmailField(options: Common & { maxLength?: number } = {}): PropertyDecorator {
  const maxLength = options.maxLength ?? 254;
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    ...optionality(options),
    IsEmail({}, { message: '$property must be an e-mail address' }),
    MaxLength(maxLength),
    doc(options, { type: String, format: 'email', maxLength }),
  );
}

export interface NumberFieldOptions extends Common {
  min: number;
  max: number;
  int?: boolean;
}

export function NumberField(options: NumberFieldOptions): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    ...optionality(options),
    options.int ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(options.min),
    Max(options.max),
    doc(options, { type: options.int ? 'integer' : 'number', minimum: options.min, maximum: options.max }),
  );
}

export function BooleanField(options: Common = {}): PropertyDecorator {
  return applyDecorators(...optionality(options), IsBoolean(), doc(options, { type: Boolean }));
}

/** A boolean in a query string: accepts true/false/1/0. */
export function QueryBooleanField(options: Common = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === 'true' || value === '1' || value === true ? true : value === 'false' || value === '0' || value === false ? false : value)),
    IsOptional(),
    IsBoolean(),
    ApiPropertyOptional({ type: Boolean, description: options.description }),
  );
}

export function UuidField(options: Common = {}): PropertyDecorator {
  return applyDecorators(...optionality(options), IsUUID('all'), doc(options, { type: String, format: 'uuid' }));
}

export function DateTimeField(options: Common = {}): PropertyDecorator {
  return applyDecorators(...optionality(options), IsDateString({ strict: true }), doc(options, { type: String, format: 'date-time' }));
}

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export function DateField(options: Common = {}): PropertyDecorator {
  return applyDecorators(...optionality(options), Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }), IsDateString({ strict: true }), doc(options, { type: String, format: 'date' }));
}

export function EnumField(enumType: Record<string, string>, enumName: string, options: Common = {}): PropertyDecorator {
  return applyDecorators(...optionality(options), IsEnum(enumType), doc(options, { enum: enumType, enumName }));
}

export interface ArrayFieldOptions extends Common {
  maxSize: number;
}

export function StringArrayField(options: ArrayFieldOptions & { itemMaxLength: number; minSize?: number; itemPattern?: RegExp; itemPatternMessage?: string }): PropertyDecorator {
  const decorators = [
    ...optionality(options),
    IsArray(),
    ArrayMaxSize(options.maxSize),
    IsString({ each: true }),
    MaxLength(options.itemMaxLength, { each: true }),
    doc(options, { type: [String], maxItems: options.maxSize, minItems: options.minSize, items: options.itemPattern ? { type: 'string', pattern: options.itemPattern.source } : undefined } as ApiPropertyOptions),
  ];
  if (options.minSize !== undefined) decorators.push(ArrayMinSize(options.minSize));
  if (options.itemPattern) decorators.push(Matches(options.itemPattern, { each: true, message: options.itemPatternMessage }));
  return applyDecorators(...decorators);
}

/** A list of calendar dates `YYYY-MM-DD`. */
export function DateArrayField(options: ArrayFieldOptions): PropertyDecorator {
  return applyDecorators(
    ...optionality(options),
    IsArray(),
    ArrayMaxSize(options.maxSize),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each value in $property must be a date YYYY-MM-DD' }),
    IsDateString({ strict: true }, { each: true }),
    doc(options, { type: [String], format: 'date', maxItems: options.maxSize } as ApiPropertyOptions),
  );
}

export function NestedField(type: () => new () => object, options: Common & { each?: boolean; maxSize?: number; minSize?: number } = {}): PropertyDecorator {
  const decorators = [...optionality(options), ValidateNested({ each: options.each }), Type(type)];
  if (options.each) decorators.push(IsArray(), ArrayMaxSize(options.maxSize ?? 100));
  if (options.each && options.minSize) decorators.push(ArrayMinSize(options.minSize));
  const items = options.each ? { maxItems: options.maxSize ?? 100, minItems: options.minSize } : {};
  decorators.push(doc(options, { type: options.each ? [type()] : type(), ...items } as ApiPropertyOptions));
  return applyDecorators(...decorators);
}

/** Response-only property: documented, not validated. */
export function ResponseField(options: ApiPropertyOptions & { optional?: boolean } = {}): PropertyDecorator {
  const { optional, ...rest } = options;
  return optional ? ApiPropertyOptional(rest) : ApiProperty(rest);
}
