import type { SalesParts } from '../sales-parts';
import { PublicWebFormsController } from './public-web-forms.controller';
import { WebForm } from './web-form.entity';
import { WebFormSubmissionsService } from './web-form-submissions.service';
import { WebFormsController } from './web-forms.controller';
import { WebFormsService } from './web-forms.service';

/** Web forms (Web 表单): their management and the public capture endpoints — what SalesModule registers for them. */
export const webFormsParts: SalesParts = {
  entities: [WebForm],
  controllers: [WebFormsController, PublicWebFormsController],
  providers: [WebFormsService, WebFormSubmissionsService],
};
