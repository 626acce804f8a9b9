import type { IPluginContext } from '@tarojs/service';

// A Taro plugin (config/index.ts lists it). WeChat templates cannot recurse, so base.wxml in the main
// package spells out every component Taro ships templates for, at each nesting level. Besides the
// components a page imports, Taro always ships a few of its own choosing; scroll-view is the costliest
// (4 levels, 9.4 KB) and no screen here uses it. A build that imports ScrollView from @tarojs/components
// gets it back: Taro adds every component imported by name to the same list.
const UNUSED_DEFAULTS = ['scroll-view'];

interface ComponentConfig {
  includes: Set<string>;
}

export default (ctx: IPluginContext) => {
  ctx.register({
    name: 'modifyComponentConfig',
    fn: ({ componentConfig }: { componentConfig: ComponentConfig }) => {
      for (const name of UNUSED_DEFAULTS) componentConfig.includes.delete(name);
    },
  });
};
