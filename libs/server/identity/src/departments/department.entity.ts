import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

/** A node of the organisation tree. `path` (`/rootId/childId/`) makes subtree queries one indexed LIKE. */
@Entity('departments')
@Index('departments_path_idx', ['path'])
@Index('departments_parent_idx', ['parentId'])
export class Department extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'uuid', nullable: true })
  managerId: string | null;

  /** Modules switched on for this department (成熟一个上线一个). */
  @Column({ type: 'text', array: true, default: () => "'{sales,marketing,service,analytics}'" })
  modules: string[];
}
