/** 执法事项 (权责清单): the identity of an item; everything else lives in its versions. */
export interface CatalogItemsTable {
  id: string;
  /** 事项编码, unique, never changes. */
  code: string;
  /** item | benchmark | av_rule | review_rule | window_board (see kinds.ts). */
  kind: string;
  created_at: string;
}

/**
 * One version of an item. A draft may be edited; publishing makes it the current version and the
 * previous one superseded; published and superseded versions never change. Cases point at a version id.
 */
export interface CatalogItemVersionsTable {
  id: string;
  item_id: string;
  version_no: number;
  /** draft | published | superseded; at most one published and one draft per item. */
  status: string;
  /** Copied from `data` for search and filters. */
  name: string;
  category: string;
  unit_id: string;
  /** The related 执法事项 code (benchmarks and AV rules), for filtering; null otherwise. */
  ref_code: string | null;
  /** The whole item (ItemData) as JSON text. */
  data: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  published_at: string | null;
  published_by: string | null;
}

export interface CatalogTables {
  catalog_items: CatalogItemsTable;
  catalog_item_versions: CatalogItemVersionsTable;
}
