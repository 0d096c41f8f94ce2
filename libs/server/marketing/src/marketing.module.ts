import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Segment } from './segments/segment.entity';
import { SegmentAudience } from './segments/segment-audience';
import { SegmentExportService } from './segments/segment-export.service';
import { SegmentsController } from './segments/segments.controller';
import { SegmentsService } from './segments/segments.service';

export const marketingEntities = [Segment];

/** Marketing (市场): segments first; campaigns and deliveries build on them. */
@Module({
  imports: [TypeOrmModule.forFeature(marketingEntities)],
  controllers: [SegmentsController],
  providers: [SegmentsService, SegmentAudience, SegmentExportService],
  exports: [SegmentAudience],
})
export class MarketingModule {}
