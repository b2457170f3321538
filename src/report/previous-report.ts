/**
 * What a review reads of the decision in force — a report saved at an earlier review, of
 * schema version 1 or 2 — checked before it is used: a hand-edited or damaged file (a verdict
 * that is a number, a trigger that is null) is refused with the field, never half-read.
 * Loose objects: a version-1 report lacks fields, and fields the review does not read are not
 * its business.
 */
import { z } from 'zod';
import { PLACEMENTS } from '../model/verdict/verdict.js';

const figure = z.number().nullable();
const optionalFigure = figure.optional();
const comparator = z.enum(['>=', '>', '<=', '<']);

export const previousReportSchema = z.looseObject({
  schemaVersion: z.number(),
  generatedAt: z.string(),
  scenario: z.looseObject({ name: z.string() }),
  portfolio: z
    .looseObject({
      models: z
        .array(
          z.looseObject({
            name: z.string().max(200),
            alone: z.looseObject({ placement: z.enum(PLACEMENTS), monthly: figure }),
            attributedMonthly: figure,
          }),
        )
        .max(1000),
    })
    .nullish(),
  verdict: z.looseObject({ placement: z.enum(PLACEMENTS) }),
  utilization: z.looseObject({ mean: optionalFigure, consistent: optionalFigure }),
  tokens: z.looseObject({ cv: optionalFigure }),
  traffic: z.looseObject({ egressShare: optionalFigure }),
  options: z.array(
    z.looseObject({
      id: z.string().max(100),
      monthly: z.looseObject({ total: optionalFigure }),
      breakEvenUtilization: optionalFigure,
      paybackMonths: optionalFigure,
    }),
  ),
  triggers: z.array(
    z.looseObject({
      id: z.string().max(200),
      kind: z.enum(['metric', 'manual']),
      description: z.string(),
      effect: z.string().nullish(),
      metric: z.string().nullable(),
      comparator: comparator.nullable(),
      threshold: figure,
      current: optionalFigure,
    }),
  ),
});
