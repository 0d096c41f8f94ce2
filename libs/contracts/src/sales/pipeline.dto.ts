import { BooleanField, EnumField, NestedField, NumberField, QueryBooleanField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { OpportunityStatus, StageKind } from './pipeline.enums';

/** Limits of a pipeline (销售漏斗), shared by the API and the SPA. */
export const PipelineLimits = {
  nameMaxLength: 100,
  stagesMin: 2,
  stagesMax: 20,
  stageNameMaxLength: 50,
  boardCardsDefault: 20,
  boardCardsMax: 100,
} as const;

export class PipelineStageDto {
  /** Stable across edits of the pipeline (send it back to keep the stage). */
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '需求确认 Needs analysis' }) name: string;
  /** Win probability 0–100; an opportunity's probability unless overridden. */
  @ResponseField({ type: 'integer', minimum: 0, maximum: 100 }) probability: number;
  @ResponseField({ enum: StageKind, enumName: 'StageKind' }) kind: StageKind;
  /** 0-based order on the board. */
  @ResponseField({ type: 'integer' }) position: number;
}

export class PipelineDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '销售漏斗 Default' }) name: string;
  /** Exactly one pipeline is the default (used when an opportunity names none). */
  @ResponseField() isDefault: boolean;
  /** Inactive pipelines take no new opportunities. */
  @ResponseField() active: boolean;
  /** In board order. */
  @ResponseField({ type: [PipelineStageDto] }) stages: PipelineStageDto[];
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

/** One stage when creating or replacing the stages of a pipeline. */
export class PipelineStageInputDto {
  /** An existing stage of this pipeline to keep (renamed / re-ordered as sent); omit for a new stage. */
  @UuidField({ optional: true }) id?: string;
  @StringField({ maxLength: PipelineLimits.stageNameMaxLength, minLength: 1, example: '方案报价 Proposal' }) name: string;
  @NumberField({ int: true, min: 0, max: 100, example: 60 }) probability: number;
  @EnumField(StageKind, 'StageKind') kind: StageKind;
}

export class CreatePipelineDto {
  @StringField({ maxLength: PipelineLimits.nameMaxLength, minLength: 1 }) name: string;
  /** In board order; at least one won and one lost stage; names unique. */
  @NestedField(() => PipelineStageInputDto, { each: true, minSize: PipelineLimits.stagesMin, maxSize: PipelineLimits.stagesMax }) stages: PipelineStageInputDto[];
  /** Makes this the default; the previous default stops being one. */
  @BooleanField({ optional: true }) isDefault?: boolean;
  @BooleanField({ optional: true }) active?: boolean;
}

export class UpdatePipelineDto {
  @StringField({ optional: true, maxLength: PipelineLimits.nameMaxLength, minLength: 1 }) name?: string;
  /**
   * Replaces the stages: a stage sent with its `id` is kept (same id, new name / order /
   * probability / kind); stages not sent are removed, which answers 409 STAGE_IN_USE
   * while any opportunity (also one in the recycle bin) sits in them.
   */
  @NestedField(() => PipelineStageInputDto, { optional: true, each: true, minSize: PipelineLimits.stagesMin, maxSize: PipelineLimits.stagesMax }) stages?: PipelineStageInputDto[];
  /** true makes this the default (the previous one stops being it); false is refused — make another pipeline the default instead. */
  @BooleanField({ optional: true }) isDefault?: boolean;
  /** The default pipeline cannot be deactivated. */
  @BooleanField({ optional: true }) active?: boolean;
}

export class ListPipelinesQuery {
  /** Only active (true) or inactive (false) pipelines. */
  @QueryBooleanField() active?: boolean;
}

export class PipelineBoardQuery {
  /** Only this owner's opportunities (within your data scope). */
  @UuidField({ optional: true }) ownerId?: string;
  /** Cards per stage (most recently updated first). */
  @NumberField({ optional: true, int: true, min: 1, max: PipelineLimits.boardCardsMax, example: PipelineLimits.boardCardsDefault }) limitPerStage?: number;
}

/** A kanban card: what the board shows of an opportunity (version for the drag's If-Match). */
export class OpportunityCardDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField() customerName: string;
  @ResponseField({ format: 'uuid' }) stageId: string;
  @ResponseField({ enum: OpportunityStatus, enumName: 'OpportunityStatus' }) status: OpportunityStatus;
  @ResponseField({ type: 'number' }) amount: number;
  @ResponseField({ example: 'CNY' }) currency: string;
  @ResponseField({ type: 'integer' }) probability: number;
  @ResponseField({ type: String, format: 'date', nullable: true }) expectedCloseDate: string | null;
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class PipelineBoardColumnDto {
  @ResponseField({ type: PipelineStageDto }) stage: PipelineStageDto;
  /** Opportunities in this stage in your data scope (all of them, not only the cards). */
  @ResponseField({ type: 'integer' }) count: number;
  /** Σ amount over all of them (amounts are summed as stored; currencies are not converted). */
  @ResponseField({ type: 'number' }) totalAmount: number;
  /** Σ amount × probability / 100 over all of them. */
  @ResponseField({ type: 'number' }) weightedAmount: number;
  /** The first `limitPerStage`, most recently updated first. */
  @ResponseField({ type: [OpportunityCardDto] }) cards: OpportunityCardDto[];
  /**
   * More cards: pass to `listOpportunities?pipelineId=…&stageId=…&sort=-updatedAt&cursor=…`
   * (with the same ownerId); null when all are shown.
   */
  @ResponseField({ type: String, nullable: true }) nextCursor: string | null;
}

export class PipelineBoardDto {
  @ResponseField({ type: PipelineDto }) pipeline: PipelineDto;
  @ResponseField({ type: [PipelineBoardColumnDto] }) columns: PipelineBoardColumnDto[];
}
