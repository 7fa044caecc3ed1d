import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useUnits } from '../session/UnitsContext';
import { unitSelectOptions } from '../units/unitTree';

export type UnitTreeSelectProps = Omit<TreeSelectProps<string>, 'treeData'>;

/** A unit picker over the whole tree; works inside antd Form.Item (value/onChange are passed through). */
export function UnitTreeSelect(props: UnitTreeSelectProps) {
  const { units, loading } = useUnits();
  const treeData = useMemo(() => unitSelectOptions(units), [units]);
  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={loading}
      placeholder="请选择机构"
      {...props}
      treeData={treeData}
    />
  );
}
