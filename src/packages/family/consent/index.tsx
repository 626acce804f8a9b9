// Mini-programs: this page in the family subpackage (see app.config.ts); the page itself is src/pages/consent.
export { default } from '@/pages/consent/index';
