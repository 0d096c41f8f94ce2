import { markRaw, type Component } from 'vue';
import { Calendar, ChatLineRound, Document, Message, Phone, Location } from '@element-plus/icons-vue';
import { ActivityType } from '@kehu/contracts';

/** One icon per follow-up type, for the timeline and quick entry. */
export const activityIcons: Record<ActivityType, Component> = {
  [ActivityType.CALL]: markRaw(Phone),
  [ActivityType.VISIT]: markRaw(Location),
  [ActivityType.MEETING]: markRaw(ChatLineRound),
  [ActivityType.EMAIL]: markRaw(Message),
  [ActivityType.NOTE]: markRaw(Document),
  [ActivityType.TASK]: markRaw(Calendar),
};
