import type { ServiceParts } from '../service-parts';
import { KnowledgeArticle, KnowledgeArticleFeedback } from './knowledge-article.entity';
import { KnowledgeController } from './knowledge.controller';
import { KnowledgeRepository } from './knowledge.repository';
import { KnowledgeService } from './knowledge.service';

/** Knowledge base (知识库): articles of problems and their solutions. */
export const knowledgeParts: ServiceParts = {
  entities: [KnowledgeArticle, KnowledgeArticleFeedback],
  controllers: [KnowledgeController],
  providers: [KnowledgeService, KnowledgeRepository],
};
