// Mini-programs: this page in the family subpackage (see app.config.ts); the page itself is src/pages/records.
export { default } from '@/pages/records/index';
