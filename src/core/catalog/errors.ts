/** Thrown by the catalog parsers on malformed input; `path` points at the bad field (e.g. `executionMethods[2].fees[0].value`). */
export class CatalogParseError extends Error {
  override readonly name = 'CatalogParseError';
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly recordCode: string | null = null,
  ) {
    super(`${recordCode ? `[${recordCode}] ` : ''}${path || '<root>'}: ${reason}`);
  }
}
