import { i18n } from '@/i18n';
import { knowledgeEn, knowledgeHelpEn } from './knowledge.en';
import { knowledgeHelpZhCN, knowledgeZhCN } from './knowledge.zh-CN';

/** Adds the knowledge-base texts (`knowledge.*`, guides under `help.*`) to the app's messages. */
export function registerKnowledgeMessages(): void {
  i18n.global.mergeLocaleMessage('en', { knowledge: knowledgeEn, help: knowledgeHelpEn });
  i18n.global.mergeLocaleMessage('zh-CN', { knowledge: knowledgeZhCN, help: knowledgeHelpZhCN });
}
