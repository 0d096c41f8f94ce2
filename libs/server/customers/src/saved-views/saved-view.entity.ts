import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

@Entity('saved_views')
@Index('saved_views_owner_idx', ['ownerId', 'entityType'], { where: 'deleted_at IS NULL' })
@Index('saved_views_team_idx', ['sharedWithTeamId', 'entityType'], { where: 'deleted_at IS NULL AND shared_with_team_id IS NOT NULL' })
export class SavedView extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  entityType: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  filters: Record<string, unknown>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  columns: string[];

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid', nullable: true })
  sharedWithTeamId: string | null;
}
