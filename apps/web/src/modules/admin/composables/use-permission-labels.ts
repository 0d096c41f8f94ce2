import { useI18n } from 'vue-i18n';

const keyOf = (value: string) => value.replace(/[.-]/g, '_');

/** Readable module / resource / action names of a permission; unknown parts are shown as they are. */
export function usePermissionLabels() {
  const { t, te } = useI18n();
  const label = (group: string, value: string) => (te(`admin.permissions.${group}.${keyOf(value)}`) ? t(`admin.permissions.${group}.${keyOf(value)}`) : value);
  const moduleLabel = (module: string) => (te(`nav.${module}`) ? t(`nav.${module}`) : module);
  return {
    moduleLabel,
    resourceLabel: (resource: string) => label('resources', resource),
    actionLabel: (action: string) => label('actions', action),
    /** `sales.customer.read` → "Sales · Customers · View". */
    permissionLabel: (permission: string) => {
      const [module, resource, action] = permission.split('.');
      return [moduleLabel(module), label('resources', resource), label('actions', action)].join(' · ');
    },
  };
}
