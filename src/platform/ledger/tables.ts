/** The ledger's tables (platform-owned). Hashes are lowercase hex. */
export interface LedgerStateTable {
  /** Always 1: the single row whose update serializes appends across processes. */
  id: number;
  size: number;
}

export interface LedgerNodesTable {
  /** 0 = leaf hash; level l covers 2^l leaves. Only perfect subtrees are stored. */
  level: number;
  idx: number;
  hash: string;
}

export interface LedgerCheckpointsTable {
  size: number;
  root_hash: string;
  /** The whole signed note (C2SP signed-note), exactly as published. */
  note: string;
  created_at: string;
}

export interface LedgerTables {
  ledger_state: LedgerStateTable;
  ledger_nodes: LedgerNodesTable;
  ledger_checkpoints: LedgerCheckpointsTable;
}
