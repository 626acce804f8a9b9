// Mini-programs: this page in the family subpackage (see app.config.ts); the page itself is src/pages/usage.
export { default } from '@/pages/usage/index';
