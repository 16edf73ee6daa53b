export { nfc, foldVietnamese, cleanText } from './fold.ts';
export { splitVietnameseList } from './list.ts';
