export interface ContractViolation {
  /** request: what the sandbox was sent; answer: what it sent back (checked only with `checkAnswers`) */
  kind: 'request' | 'answer';
  api: string;
  method: string;
  path: string;
  errors: string[];
  at: string;
}

export class SandboxStats {
  authentications = 0;
  failedAuthentications = 0;
  refreshes = 0;
  logouts = 0;
  innerTokensIssued = 0;
  requests: Record<string, number> = SandboxStats.emptyRequests();
  contractViolations: ContractViolation[] = [];
  /** calls per Street Manager operation, `work GET /works/{workReferenceNumber}`: which operations were exercised */
  operations: Record<string, number> = {};

  private static emptyRequests(): Record<string, number> {
    return {
      work: 0,
      reporting: 0,
      party: 0,
      lookup: 0,
      geojson: 0,
      event: 0,
      worklist: 0,
      inner: 0,
      token: 0,
    };
  }

  reset(): void {
    this.authentications = 0;
    this.failedAuthentications = 0;
    this.refreshes = 0;
    this.logouts = 0;
    this.innerTokensIssued = 0;
    this.requests = SandboxStats.emptyRequests();
    this.contractViolations = [];
    this.operations = {};
  }

  toJSON(): Record<string, unknown> {
    return {
      authentications: this.authentications,
      failedAuthentications: this.failedAuthentications,
      refreshes: this.refreshes,
      logouts: this.logouts,
      innerTokensIssued: this.innerTokensIssued,
      requests: { ...this.requests },
      contractViolations: [...this.contractViolations],
      operations: { ...this.operations },
    };
  }
}
