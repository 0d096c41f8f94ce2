import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { BooleanField, DateField, EnumField, NestedField, QueryBooleanField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { ContactChannel, ConsentStatus } from './contact.enums';

export const CONTACT_PHONES_MAX = 5;
export const CONTACT_EMAILS_MAX = 5;
/** `HH:MM-HH:MM`, e.g. 09:00-18:00 (in the contact's local time). */
export const PREFERRED_HOURS_PATTERN = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

function PhonesField(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(CONTACT_PHONES_MAX)(target, key);
    IsString({ each: true })(target, key);
    MaxLength(40, { each: true })(target, key);
    ApiPropertyOptional({ type: [String], maxItems: CONTACT_PHONES_MAX, description: 'Any common format; each stored as E.164 (default region from DEFAULT_PHONE_REGION).', example: ['138 0013 8000'] })(target, key);
  };
}

function EmailsField(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value))(target, key);
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(CONTACT_EMAILS_MAX)(target, key);
    IsEmail({}, { each: true, message: 'each value in $property must be an e-mail address' })(target, key);
    MaxLength(254, { each: true })(target, key);
    ApiPropertyOptional({ type: [String], maxItems: CONTACT_EMAILS_MAX, description: 'Stored lower-cased.', example: ['li.lei@example.com'] })(target, key);
  };
}

/** A channel's consent as stored: who said what, where, when. */
export class ContactConsentDto {
  @ResponseField({ enum: ContactChannel, enumName: 'ContactChannel' }) channel: ContactChannel;
  @ResponseField({ enum: ConsentStatus, enumName: 'ConsentStatus' }) status: ConsentStatus;
  /** Where the answer came from ("web form", "call"); null while unknown. */
  @ResponseField({ type: String, nullable: true, example: 'web form' }) source: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) changedAt: string | null;
}

/** One channel to set; `changedAt` is the time the server records it. */
export class SetContactConsentDto {
  @EnumField(ContactChannel, 'ContactChannel') channel: ContactChannel;
  @EnumField(ConsentStatus, 'ConsentStatus') status: ConsentStatus;
  @StringField({ optional: true, maxLength: 100, example: 'call' }) source?: string;
}

export class ContactDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ example: '李雷' }) name: string;
  @ResponseField({ type: String, nullable: true, example: '采购经理' }) title: string | null;
  @ResponseField({ type: String, nullable: true, example: '采购部' }) department: string | null;
  /** E.164, normalised on write. */
  @ResponseField({ type: [String], example: ['+8613800138000'] }) phones: string[];
  @ResponseField({ type: [String] }) emails: string[];
  @ResponseField({ type: String, nullable: true }) wechatId: string | null;
  @ResponseField({ type: String, format: 'date', nullable: true }) birthday: string | null;
  /** At most one primary contact per customer. */
  @ResponseField() isPrimary: boolean;
  /** The customer's owner and department (contacts follow their customer). */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ enum: ContactChannel, enumName: 'ContactChannel', nullable: true }) preferredChannel: ContactChannel | null;
  @ResponseField({ type: String, nullable: true, example: '09:00-18:00' }) preferredHours: string | null;
  /** Every channel, in a fixed order; `unknown` where the contact has not said. */
  @ResponseField({ type: [ContactConsentDto] }) consents: ContactConsentDto[];
  @ResponseField({ type: String, nullable: true }) notes: string | null;
  @ResponseField({ type: String, nullable: true }) externalId: string | null;
  @ResponseField({ type: String, nullable: true }) externalSource: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateContactDto {
  /** A customer you may add contacts to; otherwise 400 naming customerId. */
  @UuidField() customerId: string;
  @StringField({ maxLength: 100, minLength: 1, example: '李雷' }) name: string;
  @StringField({ optional: true, maxLength: 100 }) title?: string;
  @StringField({ optional: true, maxLength: 100 }) department?: string;
  @PhonesField() phones?: string[];
  @EmailsField() emails?: string[];
  @StringField({ optional: true, maxLength: 64 }) wechatId?: string;
  @DateField({ optional: true }) birthday?: string;
  /** Makes this the customer's primary contact (the previous one stops being primary). */
  @BooleanField({ optional: true }) isPrimary?: boolean;
  @EnumField(ContactChannel, 'ContactChannel', { optional: true }) preferredChannel?: ContactChannel;
  @StringField({ optional: true, maxLength: 11, pattern: PREFERRED_HOURS_PATTERN, example: '09:00-18:00' }) preferredHours?: string;
  /** Initial consents (e.g. from a web form). */
  @NestedField(() => SetContactConsentDto, { optional: true, each: true, maxSize: 5 })
  @ArrayUnique((c: SetContactConsentDto) => c?.channel, { message: 'consents must name each channel once' })
  consents?: SetContactConsentDto[];
  @StringField({ optional: true, maxLength: 2000 }) notes?: string;
  @StringField({ optional: true, maxLength: 100 }) externalId?: string;
  @StringField({ optional: true, maxLength: 40, example: 'erp' }) externalSource?: string;
}

export class UpdateContactDto {
  /** Moves the contact to another customer you may add contacts to. */
  @UuidField({ optional: true }) customerId?: string;
  @StringField({ optional: true, maxLength: 100, minLength: 1 }) name?: string;
  @StringField({ optional: true, nullable: true, maxLength: 100 }) title?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 100 }) department?: string | null;
  @PhonesField() phones?: string[];
  @EmailsField() emails?: string[];
  @StringField({ optional: true, nullable: true, maxLength: 64 }) wechatId?: string | null;
  @DateField({ optional: true, nullable: true }) birthday?: string | null;
  @BooleanField({ optional: true }) isPrimary?: boolean;
  @EnumField(ContactChannel, 'ContactChannel', { optional: true, nullable: true }) preferredChannel?: ContactChannel | null;
  @StringField({ optional: true, nullable: true, maxLength: 11, pattern: PREFERRED_HOURS_PATTERN }) preferredHours?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 2000 }) notes?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 100 }) externalId?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 40 }) externalSource?: string | null;
}

/** Sets one or more channels; channels not named keep their consent. */
export class UpdateContactConsentsDto {
  @NestedField(() => SetContactConsentDto, { each: true, maxSize: 5, minSize: 1 })
  @ArrayUnique((c: SetContactConsentDto) => c?.channel, { message: 'consents must name each channel once' })
  consents: SetContactConsentDto[];
}

export class ListContactsQuery extends PageQueryDto {
  @UuidField({ optional: true }) customerId?: string;
  /** Name contains, or a phone / e-mail contains (phone digits match however they were written). */
  @StringField({ optional: true, maxLength: 100 }) q?: string;
  @UuidField({ optional: true }) ownerId?: string;
  /** true: only contacts who opted in to e-mail; false: only those who did not. */
  @QueryBooleanField({ description: 'true: only contacts who opted in to e-mail; false: the others.' }) hasEmailConsent?: boolean;
  /** name, createdAt; prefix - for descending. Default -createdAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

export class CreateContactQuery {
  /** Create (or update) even when a contact with the same phone or e-mail exists. */
  @QueryBooleanField() allowDuplicate?: boolean;
}

/** Body of a contact duplicate warning (409 DUPLICATE_SUSPECTED). */
export class ContactDuplicateCandidateDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  /** What matched: phone, email. */
  @ResponseField({ type: [String] }) reasons: string[];
  /** Withheld (null) when the contact is outside your data scope. */
  @ResponseField({ type: [String], nullable: true }) phones: string[] | null;
  @ResponseField({ type: [String], nullable: true }) emails: string[] | null;
}
