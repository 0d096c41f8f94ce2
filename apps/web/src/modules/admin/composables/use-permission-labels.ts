import { useI18n } from 'vue-i18n';

const keyOf = (value: string) => value.replace(/[.-]/g, '_');

/** Readable module / resource / action names of a permission; unknown parts are shown as they are. */
export function usePermissionLabels() {
  const { t, te } = useI18n();
  const label = (group: string, value: string) => (te(`admin.permissions.${group}.${keyOf(value)}`) ? t(`admin.permissions.${group}.${keyOf(value)}`) : value);
  const moduleLabel = (module: string) => (te(`nav.${module}`) ? t(`nav.${module}`) : module);
  /** With its module, a resource key two modules share (sales / service `contract`) gets that module's name. */
  const resourceLabel = (resource: string, module?: string) => {
    const own = module && `admin.permissions.resources.${keyOf(module)}_${keyOf(resource)}`;
    return own && te(own) ? t(own) : label('resources', resource);
  };
  return {
    moduleLabel,
    resourceLabel,
    actionLabel: (action: string) => label('actions', action),
    /** `sales.customer.read` → "Sales · Customers · View". */
    permissionLabel: (permission: string) => {
      const [module, resource, action] = permission.split('.');
      return [moduleLabel(module), resourceLabel(resource, module), label('actions', action)].join(' · ');
    },
  };
}
