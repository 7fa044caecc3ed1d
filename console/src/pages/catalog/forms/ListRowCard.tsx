import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';

export interface RowButtonsProps {
  index: number;
  count: number;
  /** Given when the order matters: 上移 / 下移. */
  onMove?: (from: number, to: number) => void;
  /** Absent when the row may not be removed (the last required one). */
  onRemove?: () => void;
}

/** 上移, 下移 and 删除 for one row of a Form.List. */
export function RowButtons({ index, count, onMove, onRemove }: RowButtonsProps) {
  return (
    <Space size={0}>
      {onMove && (
        <>
          <Tooltip title="上移">
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => onMove(index, index - 1)}
              aria-label="上移"
            />
          </Tooltip>
          <Tooltip title="下移">
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              onClick={() => onMove(index, index + 1)}
              aria-label="下移"
            />
          </Tooltip>
        </>
      )}
      {onRemove && (
        <Tooltip title="删除">
          <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label="删除" />
        </Tooltip>
      )}
    </Space>
  );
}

export interface ListRowCardProps extends RowButtonsProps {
  title: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** One row of a Form.List with several fields, in a small card with its own buttons. */
export function ListRowCard({ title, testId, children, ...buttons }: ListRowCardProps) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId} extra={<RowButtons {...buttons} />}>
      {children}
    </Card>
  );
}
