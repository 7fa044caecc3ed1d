import { Alert, Flex, Tag } from 'antd';
import { missingFieldLabels } from '../../../api/caseDocuments';
import { ApiError } from '../../../api/client';

/** What went wrong on 预览 or 签发, with the fields a `document_data_incomplete` refusal names. */
export interface Problem {
  title: string;
  message: string;
  /** Chinese names of the fields a `document_data_incomplete` refusal lists. */
  missing: string[];
}

export function problemOf(title: string, error: unknown): Problem | null {
  if (error instanceof ApiError && error.status === 401) return null;
  return { title, message: error instanceof Error ? error.message : '操作失败,请稍后重试', missing: missingFieldLabels(error) };
}

export function ProblemAlert({ problem }: { problem: Problem }) {
  return (
    <Alert
      type="error"
      showIcon
      title={problem.title}
      data-testid="case-document-error"
      description={
        problem.missing.length === 0 ? (
          problem.message
        ) : (
          <Flex vertical gap={4}>
            <span>以下内容尚未填写(案件中也没有),请在表单中补充或先在案件中办理相应环节:</span>
            <Flex wrap gap={4}>
              {problem.missing.map((label) => (
                <Tag key={label} color="error" data-testid="case-document-missing">
                  {label}
                </Tag>
              ))}
            </Flex>
          </Flex>
        )
      }
    />
  );
}
