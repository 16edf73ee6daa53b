/**
 * What other modules read of the catalog module (procedures, publications, workflows). Each function takes the
 * caller's database or transaction; the SQL stays in catalog.repository.ts.
 */
export {
  catalogStamp,
  findProcedure,
  findProcedureByCode,
  findPublicationFor,
  findWorkflow,
  parsePublisherCursor,
  publishedCodesOf,
  publisherCursor,
  publishersOf,
  searchSources,
  type ProcedureRow,
  type PublicationRow,
  type WorkflowRow,
} from './catalog.repository.ts';
