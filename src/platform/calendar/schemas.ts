import { Type } from 'typebox';
import { MAX_PERIOD_DAYS } from './calendar.js';
import { MAX_YEAR, MIN_YEAR } from './schedule.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD(北京时间)' });
const Year = Type.Integer({ minimum: MIN_YEAR, maximum: MAX_YEAR });

export const DeadlineQuery = Type.Object(
  {
    from: IsoDate,
    days: Type.Integer({ minimum: 1, maximum: MAX_PERIOD_DAYS }),
    unit: Type.Union([Type.Literal('working'), Type.Literal('calendar')], { description: 'working = 工作日,calendar = 自然日' }),
  },
  { additionalProperties: false },
);

export const DeadlineSchema = Type.Object({ date: Type.String() });

const DayInput = Type.Object(
  { date: Type.String({ maxLength: 10 }), name: Type.String({ minLength: 1, maxLength: 50 }) },
  { additionalProperties: false },
);

export const SubmitYearBody = Type.Object(
  {
    year: Year,
    notice: Type.Object(
      {
        number: Type.String({ minLength: 1, maxLength: 100, description: '文号,如 国办发明电〔2025〕7号' }),
        url: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
      },
      { additionalProperties: false },
    ),
    holidays: Type.Array(DayInput, { maxItems: 120 }),
    workdays: Type.Array(DayInput, { maxItems: 60 }),
  },
  { additionalProperties: false },
);

export const YearParams = Type.Object({ year: Year }, { additionalProperties: false });

const YearFields = {
  year: Type.Integer(),
  status: Type.String({ description: 'draft | approved' }),
  noticeNumber: Type.String(),
  noticeUrl: Type.Union([Type.String(), Type.Null()]),
  submittedBy: Type.String(),
  submittedAt: Type.String(),
  approvedBy: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  holidayCount: Type.Integer(),
  workdayCount: Type.Integer(),
};

const DayView = Type.Object({ date: Type.String(), name: Type.String() });

export const YearSchema = Type.Object(YearFields);

export const YearDetailSchema = Type.Object({
  ...YearFields,
  holidays: Type.Array(DayView),
  workdays: Type.Array(DayView),
  digest: Type.String({ description: 'SHA-256 of the canonical schedule' }),
});

export const YearListSchema = Type.Object({ items: Type.Array(YearSchema), alerts: Type.Array(Type.String()) });
