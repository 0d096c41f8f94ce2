import { describe, expect, it } from 'vitest';
import { stylesOf } from './element-plus-styles';

describe('element-plus styles', () => {
  it('maps imported components to their stylesheets', () => {
    const code = `import { ElMenuItem, ElMessage as toast, type FormInstance, ElConfigProvider } from 'element-plus';`;
    expect(stylesOf(code)).toEqual([
      'element-plus/es/components/menu-item/style/css',
      'element-plus/es/components/message/style/css',
      'element-plus/es/components/config-provider/style/css',
    ]);
  });

  it('ignores other packages', () => {
    expect(stylesOf(`import { ElButton } from 'somewhere-else';`)).toEqual([]);
  });
});
