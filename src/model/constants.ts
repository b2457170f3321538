/**
 * Every threshold the decision reads, declared once and named after what it measures. The
 * rules (verdict), the repatriation conditions, the triggers and the data-quality checks all
 * import them from here, so a change of one number changes every place that uses it.
 */

/** τ: the busy share at which a GPU still meets the latency target, in every pool (default). */
export const DEFAULT_TARGET_UTILIZATION = 0.7;

/** Rule 4: consistent utilization (p20) below this stays on managed cloud. */
export const CLOUD_BELOW_CONSISTENT = 0.4;
/** Rule 6 and the utilization repatriation condition: consistent utilization at or above this … */
export const SUSTAINED_UTILIZATION = 0.6;
/** … for at least this many consecutive days. */
export const SUSTAINED_DAYS = 90;
/** Exit of the reserved family and on-prem: daily means below this … */
export const BELOW_UTILIZATION = 0.5;
/** … for this many consecutive days. */
export const BELOW_DAYS = 60;

/** Token volume is stable at or below this daily coefficient of variation … */
export const TOKEN_STABLE_MAX_CV = 0.25;
/** … and with a monthly trend of at most this share of the mean. */
export const TOKEN_STABLE_MAX_TREND = 0.1;
/** Rule 3: token volume is volatile above this cv (the gap to 0.25 is hysteresis). */
export const TOKEN_VOLATILE_CV = 0.35;

/** Egress is material when it is at least this share of cloud compute. */
export const EGRESS_MATERIAL_SHARE = 0.1;
/** Concurrency is flat enough to own when p95 / p50 of demand is at most this. */
export const PEAK_TO_MEDIAN_MAX = 1.5;
/** Rule 5: owned hardware must pay back within this many months. */
export const PAYBACK_MAX_MONTHS = 18;
/** Rule 2: traffic share from regions beyond the latency target that calls for the edge. */
export const FAR_REGION_SHARE = 0.2;
/** Reserved family: below this share of busy GPU-hours on burst it is a dedicated reservation. */
export const RESERVED_MAX_BURST_SHARE = 0.1;

/** Model churn: this many model changes … */
export const CHURN_CHANGES = 2;
/** … within this many days. */
export const CHURN_WINDOW_DAYS = 90;
/** Cloud exit: model selection has hardened after this many days without a change. */
export const MODEL_STABLE_DAYS = 90;

/** A firm verdict needs a history spanning at least this many calendar days … */
export const FIRM_HISTORY_DAYS = 90;
/** … with data in at least this share of its hours. */
export const FIRM_COVERAGE = 0.8;
/** … measured on a fleet within this share of referenceGpus (per-GPU exports). */
export const FIRM_GPU_MISMATCH = 0.1;
/** Look again this many days after the last sample at the latest. */
export const REVIEW_AFTER_DAYS = 90;
/** A price-book entry older than this many days is worth re-checking. */
export const STALE_PRICE_DAYS = 180;

/** Utilization levels priced side by side: a column each in the threshold table. */
export const MAX_THRESHOLDS = 10;
