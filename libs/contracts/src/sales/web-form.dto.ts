import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { BooleanField, EnumField, NestedField, QueryBooleanField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { CustomerSource } from '../customers/customer.enums';
import { ContactChannel } from '../customers/contact.enums';
import { WebFormOwnerMode } from './web-form.enums';

/** Limits of a web form, shared by the API and the SPA. */
export const WebFormLimits = {
  nameMaxLength: 100,
  fieldsMax: 30,
  labelMaxLength: 100,
  consentTextMaxLength: 1000,
  successMessageMaxLength: 500,
  redirectUrlMaxLength: 2000,
  originsMax: 20,
  originMaxLength: 200,
  /** A public submission body larger than this is refused (413). */
  submissionBodyMaxBytes: 16 * 1024,
  /** The honeypot: a field humans never see; bots fill it. */
  honeypotField: 'website',
  /** The consent check box's field name in a submission. */
  consentField: 'consent',
} as const;

/** `personName` … `notes`, or `cf.<key>` for a lead custom field. */
export const WEB_FORM_FIELD_KEY = /^(personName|companyName|phone|email|title|province|city|notes|cf\.[a-z][a-z0-9_]{0,39})$/;
/** `https://example.com` or `http://localhost:8080`: scheme, host and optional port, nothing more. */
export const WEB_FORM_ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
export const WEB_FORM_REDIRECT = /^https?:\/\/\S+$/i;

/** One field the form shows. */
export class WebFormFieldDto {
  @StringField({ maxLength: 43, pattern: WEB_FORM_FIELD_KEY, example: 'companyName', description: 'personName, companyName, phone, email, title, province, city, notes (the message), or cf.<key> for a lead custom field.' })
  key: string;
  @BooleanField({ description: 'The visitor must fill it (personName always must).' }) required: boolean;
  /** Shown instead of the default label. */
  @StringField({ optional: true, maxLength: WebFormLimits.labelMaxLength, example: '公司名称' }) label?: string;
}

function OriginsField(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(WebFormLimits.originsMax)(target, key);
    ArrayUnique()(target, key);
    IsString({ each: true })(target, key);
    MaxLength(WebFormLimits.originMaxLength, { each: true })(target, key);
    Matches(WEB_FORM_ORIGIN, { each: true, message: 'each value in $property must be an origin like https://example.com' })(target, key);
    ApiPropertyOptional({ type: [String], maxItems: WebFormLimits.originsMax, example: ['https://www.example.com'], description: 'Sites whose pages may post to the form from a script (CORS for the public endpoints only). Plain HTML form posts work from anywhere.' })(target, key);
  };
}

function ConsentChannelsField(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(5)(target, key);
    ArrayUnique()(target, key);
    IsEnum(ContactChannel, { each: true })(target, key);
    ApiPropertyOptional({ enum: ContactChannel, enumName: 'ContactChannel', isArray: true, description: 'Channels a ticked consent box records as opted in (source "web form").' })(target, key);
  };
}

export class WebFormDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '官网试用申请' }) name: string;
  /** The unguessable key in the public URL; regenerate it to retire an old embed. */
  @ResponseField({ example: 'q9Xc3m1ZP0b7hK2wLr8sVt4u' }) publicKey: string;
  @ResponseField() enabled: boolean;
  @ResponseField({ type: [WebFormFieldDto] }) fields: WebFormFieldDto[];
  @ResponseField({ enum: CustomerSource, enumName: 'CustomerSource' }) source: CustomerSource;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) campaignId: string | null;
  @ResponseField({ enum: WebFormOwnerMode, enumName: 'WebFormOwnerMode' }) ownerMode: WebFormOwnerMode;
  /** With ownerMode fixed. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  /** The consent check box's text; null = no consent box. */
  @ResponseField({ type: String, nullable: true }) consentText: string | null;
  @ResponseField({ enum: ContactChannel, enumName: 'ContactChannel', isArray: true }) consentChannels: ContactChannel[];
  @ResponseField({ type: [String] }) allowedOrigins: string[];
  @ResponseField({ type: String, nullable: true }) successMessage: string | null;
  /** Where a plain HTML form post is sent after a submission (303); null = a small thank-you page. */
  @ResponseField({ type: String, nullable: true }) redirectUrl: string | null;
  /** Live leads this form created. */
  @ResponseField({ type: 'integer' }) submissionCount: number;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateWebFormDto {
  @StringField({ maxLength: WebFormLimits.nameMaxLength, minLength: 1, example: '官网试用申请' }) name: string;
  /** Default true. */
  @BooleanField({ optional: true }) enabled?: boolean;
  /** In display order; must include personName (required). Each key once. */
  @NestedField(() => WebFormFieldDto, { each: true, minSize: 1, maxSize: WebFormLimits.fieldsMax })
  @ArrayUnique((f: WebFormFieldDto) => f?.key, { message: 'fields must name each key once' })
  fields: WebFormFieldDto[];
  @EnumField(CustomerSource, 'CustomerSource', { optional: true, description: 'Default web_form.' }) source?: CustomerSource;
  @UuidField({ optional: true }) campaignId?: string;
  @EnumField(WebFormOwnerMode, 'WebFormOwnerMode', { optional: true, description: 'Default rules.' }) ownerMode?: WebFormOwnerMode;
  /** Required with ownerMode fixed: an active user. */
  @UuidField({ optional: true }) ownerId?: string;
  @StringField({ optional: true, maxLength: WebFormLimits.consentTextMaxLength, example: '我同意通过电子邮件接收产品资讯' }) consentText?: string;
  @ConsentChannelsField() consentChannels?: ContactChannel[];
  @OriginsField() allowedOrigins?: string[];
  @StringField({ optional: true, maxLength: WebFormLimits.successMessageMaxLength, example: '感谢您的留言，我们会尽快联系您。' }) successMessage?: string;
  @StringField({ optional: true, maxLength: WebFormLimits.redirectUrlMaxLength, pattern: WEB_FORM_REDIRECT, example: 'https://www.example.com/thanks' }) redirectUrl?: string;
}

/** Needs If-Match. Only the members sent change; null clears an optional one. */
export class UpdateWebFormDto {
  @StringField({ optional: true, maxLength: WebFormLimits.nameMaxLength, minLength: 1 }) name?: string;
  @BooleanField({ optional: true }) enabled?: boolean;
  @NestedField(() => WebFormFieldDto, { optional: true, each: true, minSize: 1, maxSize: WebFormLimits.fieldsMax })
  @ArrayUnique((f: WebFormFieldDto) => f?.key, { message: 'fields must name each key once' })
  fields?: WebFormFieldDto[];
  @EnumField(CustomerSource, 'CustomerSource', { optional: true }) source?: CustomerSource;
  @UuidField({ optional: true, nullable: true }) campaignId?: string | null;
  @EnumField(WebFormOwnerMode, 'WebFormOwnerMode', { optional: true }) ownerMode?: WebFormOwnerMode;
  @UuidField({ optional: true, nullable: true }) ownerId?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: WebFormLimits.consentTextMaxLength }) consentText?: string | null;
  @ConsentChannelsField() consentChannels?: ContactChannel[];
  @OriginsField() allowedOrigins?: string[];
  @StringField({ optional: true, nullable: true, maxLength: WebFormLimits.successMessageMaxLength }) successMessage?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: WebFormLimits.redirectUrlMaxLength, pattern: WEB_FORM_REDIRECT }) redirectUrl?: string | null;
}

export class ListWebFormsQuery extends PageQueryDto {
  /** Name contains. */
  @StringField({ optional: true, maxLength: 100 }) q?: string;
  @QueryBooleanField() enabled?: boolean;
  /** The recycle bin instead of live forms. */
  @QueryBooleanField() deleted?: boolean;
  /** createdAt, name; prefix - for descending. Default -createdAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

/** A field as the public sees it. */
export class PublicWebFormFieldDto {
  /** The input's name in a submission (`cf.<key>` for custom fields). */
  @ResponseField({ example: 'companyName' }) name: string;
  @ResponseField({ example: '公司名称' }) label: string;
  @ResponseField() required: boolean;
  /** text, email, tel, textarea, number, date, checkbox or select. */
  @ResponseField({ example: 'text' }) type: string;
  /** For select fields. */
  @ResponseField({ type: [String], optional: true }) options?: string[];
}

/** What an embedding page needs to draw the form — nothing internal. */
export class PublicWebFormDto {
  @ResponseField() name: string;
  @ResponseField({ type: [PublicWebFormFieldDto] }) fields: PublicWebFormFieldDto[];
  /** Text of the consent check box (submitted as `consent`); null = none. */
  @ResponseField({ type: String, nullable: true }) consentText: string | null;
  /** Where to POST (JSON or application/x-www-form-urlencoded). */
  @ResponseField({ example: '/api/v1/public/web-forms/q9Xc3m1ZP0b7hK2wLr8sVt4u/submissions' }) submitUrl: string;
  /** Leave this input empty and hidden (a honeypot). */
  @ResponseField({ example: 'website' }) honeypotField: string;
}

/** The answer to a JSON submission. */
export class WebFormSubmissionResultDto {
  @ResponseField({ example: '感谢您的留言，我们会尽快联系您。' }) message: string;
  @ResponseField({ type: String, nullable: true }) redirectUrl: string | null;
}
