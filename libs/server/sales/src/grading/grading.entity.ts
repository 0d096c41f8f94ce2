import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One rule of the grading rule set: the first active rule (by position) whose conditions
 * all hold gives the customer its grade. Conditions are a small typed list (jsonb).
 */
@Entity('grading_rules')
export class GradingRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 1 })
  grade: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  conditions: unknown[];

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** The single settings row: grade labels and the grade when no rule matches. */
@Entity('grading_settings')
export class GradingSettings {
  @Column({ type: 'smallint', primary: true, default: 1 })
  id: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  labels: Record<string, string>;

  @Column({ type: 'varchar', length: 1, nullable: true })
  defaultGrade: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
