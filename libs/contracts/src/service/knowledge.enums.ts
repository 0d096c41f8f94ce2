/**
 * A knowledge article's life: draft (only managers in scope see it) → published (everyone
 * with service.knowledge.read reads it) → archived (withdrawn; managers in scope still see it
 * and may publish it again).
 */
export enum KnowledgeArticleStatus {
  DRAFT = 'draft',
  PUBLISHED = 'published',
  ARCHIVED = 'archived',
}
