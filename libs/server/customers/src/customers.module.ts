import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@kehu/server-identity';
import { CustomFieldDefinition } from './custom-fields/custom-field.entity';
import { CustomFieldsController } from './custom-fields/custom-fields.controller';
import { CustomFieldsService } from './custom-fields/custom-fields.service';
import { Customer } from './customers/customer.entity';
import { CustomerDataQualityController } from './customers/customer-data-quality.controller';
import { CustomerDataQualityService } from './customers/customer-data-quality.service';
import { CustomerMergeRegistry } from './customers/customer-merge.registry';
import { CustomerMergeService } from './customers/customer-merge.service';
import { CustomersController } from './customers/customers.controller';
import { CustomersRepository } from './customers/customers.repository';
import { CustomersService } from './customers/customers.service';
import { DuplicateFinder } from './customers/duplicate-finder';
import { SavedView } from './saved-views/saved-view.entity';
import { CustomerSearchTerms } from './customers/customer-search-terms.entity';
import { SavedViewsController } from './saved-views/saved-views.controller';
import { SavedViewsService } from './saved-views/saved-views.service';
import { CustomerSearchSources } from './search/customer-search.sources';
import { SearchController } from './search/search.controller';
import { SearchRegistry } from './search/search.registry';
import { SearchService } from './search/search.service';
import { ContactConsent } from './contacts/contact-consent.entity';
import { ContactConsentsService } from './contacts/contact-consents.service';
import { ContactDuplicateFinder } from './contacts/contact-duplicate-finder';
import { Contact } from './contacts/contact.entity';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsMergeMover } from './contacts/contacts-merge.mover';
import { ContactsRepository } from './contacts/contacts.repository';
import { ContactsService } from './contacts/contacts.service';
import { PrimaryContact } from './contacts/primary-contact';

export const customersEntities = [Customer, CustomerSearchTerms, CustomFieldDefinition, Contact, ContactConsent, SavedView];

/** Customer master data every module shares: customers, contacts, data quality, search. */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature(customersEntities)],
  // Order matters: fixed paths (/customers/duplicates) before /customers/:id.
  controllers: [CustomFieldsController, CustomerDataQualityController, CustomersController, ContactsController, SearchController, SavedViewsController],
  providers: [SavedViewsService, SearchRegistry, SearchService, CustomerSearchSources, CustomFieldsService, CustomersService, CustomersRepository, DuplicateFinder, CustomerMergeService, CustomerMergeRegistry, CustomerDataQualityService, ContactsService, ContactsRepository, ContactDuplicateFinder, ContactConsentsService, PrimaryContact, ContactsMergeMover],
  exports: [DuplicateFinder, ContactDuplicateFinder, CustomersRepository, CustomerMergeRegistry, SearchRegistry, ContactsRepository, CustomFieldsService],
})
export class CustomersModule {}
