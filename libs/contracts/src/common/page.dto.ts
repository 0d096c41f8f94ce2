import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The shape of every list response. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  total?: number;
}

const pageClasses = new Map<unknown, new () => Page<any>>();

/** Builds (once per item type) a named OpenAPI schema `XxxPageDto` for `Page<Xxx>`. */
export function PageDtoOf<T>(item: new (...args: any[]) => T): new () => Page<T> {
  const existing = pageClasses.get(item);
  if (existing) return existing as new () => Page<T>;
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] })
    data: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page.' })
    nextCursor: string | null;

    @ApiPropertyOptional({ type: 'integer', description: 'Total rows matching the filters (only with count=true).' })
    total?: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  pageClasses.set(item, PageDto);
  return PageDto;
}
