import type { Static } from 'typebox';
import type * as s from '../../../src/modules/archives/evaluation-schemas';
import { downloadFile } from '../components/excel/excelHttp';
import { request } from './client';

/**
 * 案卷评查 API (src/modules/archives/evaluation-routes.ts): the 评查标准 and its versions, rounds (评查活动)
 * with their random sample, one evaluation per sampled file, and results per unit and officer. The shapes
 * are the routes' schemas, so they cannot drift from what the server sends.
 */

export type SheetView = Static<typeof s.SheetSchema>;
export type SheetItemView = SheetView['items'][number];
export type SheetInput = Static<typeof s.SheetBody>;
export type RoundSummary = Static<typeof s.RoundSummarySchema>;
export type RoundView = Static<typeof s.RoundSchema>;
export type EvaluationSummary = RoundView['evaluations'][number];
export type EvaluationView = Static<typeof s.EvaluationSchema>;
export type Finding = EvaluationView['findings'][number];
export type Score = EvaluationView['scores'][number];
export type CreateRoundInput = Static<typeof s.CreateRoundBody>;
export type ResultsView = Static<typeof s.ResultsSchema>;
export type ResultGroup = ResultsView['byUnit'][number];

const base = '/api/archive';
const id = (value: string) => encodeURIComponent(value);

export function getSheet(): Promise<SheetView> {
  return request<SheetView>('GET', `${base}/evaluation-sheet`);
}

/** Saves a new version; a bad sheet is a 400 whose details list every problem. */
export function saveSheet(input: SheetInput): Promise<SheetView> {
  return request<SheetView>('PUT', `${base}/evaluation-sheet`, { body: input });
}

export function listRounds(): Promise<RoundSummary[]> {
  return request<RoundSummary[]>('GET', `${base}/evaluation-rounds`);
}

/** Starts a round: the server draws the sample and prefills each file with the automatic findings. */
export function createRound(input: CreateRoundInput): Promise<RoundView> {
  return request<RoundView>('POST', `${base}/evaluation-rounds`, { body: input });
}

export function getRound(roundId: string): Promise<RoundView> {
  return request<RoundView>('GET', `${base}/evaluation-rounds/${id(roundId)}`);
}

export function closeRound(roundId: string): Promise<RoundView> {
  return request<RoundView>('POST', `${base}/evaluation-rounds/${id(roundId)}/close`);
}

export function getResults(roundId: string): Promise<ResultsView> {
  return request<ResultsView>('GET', `${base}/evaluation-rounds/${id(roundId)}/results`);
}

export function downloadResults(round: Pick<RoundSummary, 'id' | 'title'>): Promise<string> {
  return downloadFile(`${base}/evaluation-rounds/${id(round.id)}/results.xlsx`, `案卷评查结果-${round.title}.xlsx`);
}

export function getEvaluation(evaluationId: string): Promise<EvaluationView> {
  return request<EvaluationView>('GET', `${base}/evaluations/${id(evaluationId)}`);
}

export function saveScores(evaluationId: string, input: { scores: Score[]; comment: string }): Promise<EvaluationView> {
  return request<EvaluationView>('PUT', `${base}/evaluations/${id(evaluationId)}`, { body: input });
}

/** Submits the saved draft; from then on the evaluation is final. */
export function submitEvaluation(evaluationId: string): Promise<EvaluationView> {
  return request<EvaluationView>('POST', `${base}/evaluations/${id(evaluationId)}/submit`);
}
