// Mini-programs: this page in the family subpackage (see app.config.ts); the page itself is src/pages/result.
export { default } from '@/pages/result/index';
