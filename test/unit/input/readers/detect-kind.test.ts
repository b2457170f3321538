import { describe, expect, test } from 'vitest';
import { detectKind } from '../../../../src/input/readers/detect-kind.js';

describe('what an input holds, from its header', () => {
  test.each([
    ['TIMESTAMP,ContextTokens,GeneratedTokens\n', 'tokens'],
    ['timestamp,prompt_tokens,completion_tokens\r\n', 'tokens'],
    ['timestamp,PromptTokens,CompletionTokens\n', 'tokens'], // the reader accepts it, so detection does too
    ['date,tokens\n', 'tokens'],
    ['"BillingPeriodStart","ChargePeriodStart","EffectiveCost"\n', 'billing'],
    ['timestamp, index, utilization.gpu [%]\n', 'utilization'],
    ['timestamp,utilization\n', 'utilization'],
  ])('%j → %s', (head, kind) => {
    expect(detectKind(head)).toBe(kind);
  });
});
