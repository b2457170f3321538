/**
 * What a review reads of the decision in force — a report saved at an earlier review, of
 * schema version 1 or 2 — checked before it is used: a hand-edited or damaged file (a verdict
 * that is a number, a trigger that is null) is refused with the field, never half-read.
 * Loose objects: a version-1 report lacks fields, and fields the review does not read are not
 * its business.
 */
import { z } from 'zod';
import { PLACEMENTS } from '../model/verdict/verdict.js';
import { GROUP_IDS } from '../model/portfolio/placement-groups.js';

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
            group: z.enum(GROUP_IDS).optional(),
            alone: z.looseObject({ placement: z.enum(PLACEMENTS), monthly: figure }),
            attributedMonthly: figure,
          }),
        )
        .max(1000),
      split: z
        .looseObject({
          groups: z.array(z.looseObject({ id: z.enum(GROUP_IDS), placement: z.enum(PLACEMENTS) })).max(10),
        })
        .nullish(),
      checks: z
        .array(
          z.looseObject({ id: z.string().max(100), model: z.string().max(200).nullable(), overLimit: z.boolean() }),
        )
        .max(10_000)
        .optional(),
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
