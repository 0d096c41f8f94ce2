import type { ContactChannel, CustomerSource, WebFormDto, WebFormOwnerMode } from '@kehu/contracts';
import type { WebForm } from './web-form.entity';

export function toWebFormDto(f: WebForm, submissionCount: number): WebFormDto {
  return {
    id: f.id,
    name: f.name,
    publicKey: f.publicKey,
    enabled: f.enabled,
    fields: f.fields.map((x) => ({ key: x.key, required: x.required, ...(x.label ? { label: x.label } : {}) })),
    source: f.source as CustomerSource,
    campaignId: f.campaignId,
    ownerMode: f.ownerMode as WebFormOwnerMode,
    ownerId: f.ownerId,
    consentText: f.consentText,
    consentChannels: f.consentChannels as ContactChannel[],
    allowedOrigins: f.allowedOrigins,
    successMessage: f.successMessage,
    redirectUrl: f.redirectUrl,
    submissionCount,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    version: f.version,
  };
}
