import { registerAnalyticsMessages } from './analytics/i18n/register';
import { registerContractsMessages } from './contracts/i18n/register';
import { registerMarketingMessages } from './marketing/i18n/register';
import { registerKnowledgeMessages } from './service/i18n/register-knowledge';
import { registerServiceMessages } from './service/i18n/register-service';
import { registerServiceContractsMessages } from './service/i18n/register-service-contracts';
import { registerWorkOrdersMessages } from './service/i18n/register-work-orders';

/** The texts that load on demand (see loadLazyMessages): one chunk for all of them. */
export function registerLazyModuleMessages(): void {
  registerServiceMessages();
  registerKnowledgeMessages();
  registerServiceContractsMessages();
  registerWorkOrdersMessages();
  registerMarketingMessages();
  registerContractsMessages();
  registerAnalyticsMessages();
}
