import type { Component } from 'vue';
import type { Schemas } from '@kehu/api-client';

export type AppModule = Schemas['AppModuleName'];

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** i18n key of the page title (browser tab). */
    titleKey?: string;
    /** Key under `help.` of this page's guide in the help drawer. */
    help?: string;
    /** Shown only when the user's department has this module switched on. */
    module?: AppModule;
    /** Shown only to users holding one of these roles. */
    roles?: string[];
    /** Shown only to users holding this permission (`/me.permissions`, e.g. `admin.user.read`). */
    permission?: string;
    /** Puts the route in the sidebar. */
    nav?: { icon: Component; order: number };
    /** Starts the page's first data request while its code loads (signed-in users only; see core/lists/prefetch). */
    prefetch?: () => void;
    /**
     * The page's first paint needs none of the texts that load on demand (loadLazyMessages):
     * it opens without waiting for them, and they load once it is shown.
     */
    coreMessagesOnly?: boolean;
  }
}
