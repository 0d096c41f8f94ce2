// class-transformer decorators in @kehu/contracts read design-time metadata.
import 'reflect-metadata/lite';
import './styles.css';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './app.vue';
import { i18n } from './i18n';
import { createAppRouter } from './core/router';
import { installApiAuth } from './core/api-auth';
import { installErrorToasts } from './core/error-toasts';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
const router = createAppRouter();
installApiAuth(router);
installErrorToasts(app);
app.use(router);
app.mount('#app');
