import { RecordColumns } from '@kehu/server-core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A knowledge article (知识库文章): a problem and its solution. Published ones are company
 * knowledge (every holder of service.knowledge.read reads them); drafts and archived ones
 * belong to their author's data scope. The keyset, tag, bigram-search and partial indexes
 * are hand-written in the migration.
 */
@Entity('knowledge_articles')
@Index('knowledge_articles_number_uq', { synchronize: false })
@Index('knowledge_articles_keyset_idx', { synchronize: false })
@Index('knowledge_articles_status_keyset_idx', { synchronize: false })
@Index('knowledge_articles_category_keyset_idx', { synchronize: false })
@Index('knowledge_articles_case_type_keyset_idx', { synchronize: false })
@Index('knowledge_articles_owner_keyset_idx', { synchronize: false })
@Index('knowledge_articles_department_keyset_idx', { synchronize: false })
@Index('knowledge_articles_title_idx', { synchronize: false })
@Index('knowledge_articles_views_idx', { synchronize: false })
@Index('knowledge_articles_helpful_idx', { synchronize: false })
@Index('knowledge_articles_tags_idx', { synchronize: false })
@Index('knowledge_articles_search_bigrams_idx', { synchronize: false })
@Index('knowledge_articles_deleted_idx', { synchronize: false })
export class KnowledgeArticle extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  problem: string;

  @Column({ type: 'text' })
  solution: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  category: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** A CaseType, or null for any kind of case. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  caseType: string | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: string;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'integer', default: 0 })
  viewCount: number;

  @Column({ type: 'integer', default: 0 })
  helpfulCount: number;

  @Column({ type: 'integer', default: 0 })
  notHelpfulCount: number;

  /** The author; with the department, what the data scope reads for drafts and archived articles. */
  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;
}

/** One person's feedback on an article (one vote each; sending again changes it). */
@Entity('knowledge_article_feedback')
export class KnowledgeArticleFeedback {
  @PrimaryColumn({ type: 'uuid' })
  articleId: string;

  @ManyToOne(() => KnowledgeArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: KnowledgeArticle;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'boolean' })
  helpful: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
