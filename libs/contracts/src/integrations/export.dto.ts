import { ListCustomersQuery } from '../customers/customer.dto';
import { EnumField } from '../common/fields.decorator';
import { ListLeadsQuery } from '../sales/lead.dto';
import { ListOpportunitiesQuery } from '../sales/opportunity.dto';

/** Header row of a CSV export. */
export enum CsvHeaderStyle {
  /** Human column names in the caller's language (Accept-Language zh… → Chinese, else English); custom fields by their label. */
  LABELS = 'labels',
  /** Stable keys (`name`, `phone`, `cf.<key>`) for integrations. */
  KEYS = 'keys',
}

/** The customer list's filters (sort, cursor and limit are ignored: an export is every matching row, newest first). */
export class ExportCustomersQuery extends ListCustomersQuery {
  @EnumField(CsvHeaderStyle, 'CsvHeaderStyle', { optional: true, description: 'Default labels.' }) headers?: CsvHeaderStyle;
}

/** The lead list's filters (sort, cursor and limit are ignored: an export is every matching row, newest first). */
export class ExportLeadsQuery extends ListLeadsQuery {
  @EnumField(CsvHeaderStyle, 'CsvHeaderStyle', { optional: true, description: 'Default labels.' }) headers?: CsvHeaderStyle;
}

/** The opportunity list's filters (sort, cursor and limit are ignored: an export is every matching row, newest first). */
export class ExportOpportunitiesQuery extends ListOpportunitiesQuery {
  @EnumField(CsvHeaderStyle, 'CsvHeaderStyle', { optional: true, description: 'Default labels.' }) headers?: CsvHeaderStyle;
}
