import { isPublishedType, PUBLISHED_TYPES } from '../../../../src/modules/publications/publication-data';
import type { PublicationListItem } from '../../api/publications';

/** antd Tag colours by state: waiting blue, public green, kept back orange, withdrawn grey. */
export function stateColor(state: string): string {
  switch (state) {
    case 'draft':
      return 'processing';
    case 'published':
      return 'success';
    case 'blocked':
      return 'warning';
    default:
      return 'default';
  }
}

/** The statutory period the due date was computed from (行政处罚 7, other decisions 20 working days). */
export function periodText(item: Pick<PublicationListItem, 'documentType'>): string {
  if (!isPublishedType(item.documentType)) return '';
  return `决定之日起 ${PUBLISHED_TYPES[item.documentType].days} 个工作日内`;
}

/** The calendar day of a timestamp in Beijing (the legal dates are Beijing dates, whatever the browser's zone). */
export function beijingDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}
