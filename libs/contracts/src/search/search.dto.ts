import { ResponseField, NumberField, StringField } from '../common/fields.decorator';

export class SearchQuery {
  /** Name, phone, e-mail or company name; Chinese substrings work. */
  @StringField({ maxLength: 100, minLength: 1, example: '字节' }) q: string;
  @NumberField({ optional: true, int: true, min: 1, max: 50, example: 20 }) limit?: number;
}

export class SearchHitDto {
  /** customer, contact, lead or opportunity. */
  @ResponseField({ example: 'customer' }) type: string;
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '北京字节跳动科技有限公司' }) title: string;
  /** A second line: phone, e-mail or the contact's customer. */
  @ResponseField({ type: String, nullable: true }) subtitle: string | null;
  /** The customer a hit belongs to (itself for customers). */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) customerId: string | null;
  /** 0–1, higher is better; exact phone/e-mail matches score 1. */
  @ResponseField() score: number;
}

export class SearchResultDto {
  @ResponseField({ type: [SearchHitDto] }) data: SearchHitDto[];
}
