import type { Unit } from '../api/types';

export interface UnitTreeNode {
  unit: Unit;
  children: UnitTreeNode[];
}

/**
 * Builds the tree from the flat list. The server sends units in tree order, so keeping list order
 * within each parent keeps its sort order; a unit whose parent is missing is shown at the top level.
 */
export function buildUnitTree(units: readonly Unit[]): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export interface UnitSelectOption {
  value: string;
  title: string;
  children?: UnitSelectOption[];
}

/** Data for antd TreeSelect; leaves get no `children` so no expand arrow is drawn. */
export function unitSelectOptions(units: readonly Unit[]): UnitSelectOption[] {
  const convert = (node: UnitTreeNode): UnitSelectOption => {
    const option: UnitSelectOption = { value: node.unit.id, title: node.unit.name };
    if (node.children.length > 0) option.children = node.children.map(convert);
    return option;
  };
  return buildUnitTree(units).map(convert);
}
