export { foldForSearch, indexOfRun, normalizeToken, phraseKey, tokenize } from './tokenize.ts';
export { editBudget, editDistance, TypoIndex, type TypoCandidate } from './typo.ts';
export { NAME_NOISE, PHRASE_GROUPS, QUERY_FILLERS, SPECIAL_CASE_MARKERS, type PhraseGroup, type SpecialCaseMarker } from './synonyms.ts';
export { RANKING, SearchIndex, type QueryAnalysis, type SearchDoc, type SearchHit, type SearchOptions } from './engine.ts';
export { searchDocFromRecord, type SearchSource } from './documents.ts';
