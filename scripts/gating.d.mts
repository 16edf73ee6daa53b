export declare const POPPLER_TOOLS: readonly string[];
export declare function needsPoppler(source: string): boolean;
export declare function listTestFiles(roots: readonly string[], cwd?: string): string[];
export declare function popplerTestFiles(roots?: readonly string[], cwd?: string): string[];
export interface VitestReportLike {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numTotalTests?: number;
  testResults?: { name: string; status: string; message?: string; assertionResults?: { status: string }[] }[];
}
export declare function summarise(report: VitestReportLike): {
  passed: number;
  failed: number;
  fileErrors: { file: string; message: string }[];
  pending: number;
  total: number;
};
