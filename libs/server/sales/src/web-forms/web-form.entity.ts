import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

/** One field of a form as stored: `personName` … `notes`, or `cf.<key>` for a lead custom field. */
export interface WebFormField {
  key: string;
  required: boolean;
  label?: string;
}

/**
 * A public lead-capture form (Web 表单): company-wide configuration, no data scope. The
 * public key is what the embed uses; regenerating it retires old embeds. Keyset indexes
 * are hand-written in the migration.
 */
@Entity('web_forms')
@Index('web_forms_public_key_uq', ['publicKey'], { unique: true })
@Index('web_forms_keyset_idx', { synchronize: false })
@Index('web_forms_name_keyset_idx', { synchronize: false })
export class WebForm extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 64 })
  publicKey: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  fields: WebFormField[];

  @Column({ type: 'varchar', length: 20, default: 'web_form' })
  source: string;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @Column({ type: 'varchar', length: 10, default: 'rules' })
  ownerMode: string;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  consentText: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  consentChannels: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  allowedOrigins: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  successMessage: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  redirectUrl: string | null;
}
