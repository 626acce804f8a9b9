// Mini-programs: this page in the family subpackage (see app.config.ts); the page itself is src/pages/granted.
export { default } from '@/pages/granted/index';
