// Evidence ingest: placeholder until the evidence module lands (see bench/ingest-upload.ts).
import type { Row } from './support.js';

export async function benchIngest(): Promise<Row[]> {
  return [];
}
