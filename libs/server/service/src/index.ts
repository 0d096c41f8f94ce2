export * from './service.module';
export * from './migrations';
export { addTargetMinutes, type BusinessCalendar } from './cases/business-calendar';
