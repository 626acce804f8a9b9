// Mini-programs: this page in the family subpackage (see app.config.ts); the page itself is src/pages/info.
export { default } from '@/pages/info/index';
