/**
 * The accelerators `init` knows, and what the bundled price book has for each: which rates are
 * theirs, and the server to price owning with — a server price and its power where the book has
 * both, else eight cards' list price (the chassis left to the user's quote), else none.
 */
export interface Accelerator {
  id: string;
  label: string;
  /** Price-book rates of this accelerator: matched against an entry's id and description. */
  rates: RegExp;
  cloudDefault: string;
  reservedDefault: string | null;
  server: { name: string; unitCost: string; note: string | null; power: string } | null;
}

export const ACCELERATORS: Accelerator[] = [
  {
    id: 'h100',
    label: 'NVIDIA H100',
    rates: /h100|p5\.48xlarge|a3-/i,
    cloudDefault: 'gpu-clouds/h100-sxm/on-demand',
    reservedDefault: 'market/h100/1-year-contract',
    server: {
      name: '8x H100 HGX node',
      unitCost: '{price: server/8x-h100-hgx}',
      note: null,
      power: '{price: power/dgx-h100}',
    },
  },
  {
    id: 'h200',
    label: 'NVIDIA H200',
    rates: /h200|p5en/i,
    cloudDefault: 'nebius/h200-sxm/on-demand',
    reservedDefault: 'market/h200/annual-dedicated',
    server: {
      name: '8x H200 node',
      unitCost: '256000',
      note: '8 × the $32k card list price (gpu/h200-sxm); add the chassis from your quote',
      power: '{price: power/dgx-h200}',
    },
  },
  {
    id: 'b200',
    label: 'NVIDIA B200',
    rates: /b200/i,
    cloudDefault: 'lambda/b200/on-demand',
    reservedDefault: 'market/b200/annual-dedicated',
    server: null,
  },
  {
    id: 'a100',
    label: 'NVIDIA A100',
    rates: /a100|p4de?\.|a2-/i,
    cloudDefault: 'lambda/a100-80gb/on-demand',
    reservedDefault: 'aws/p4de.24xlarge/reserved-1y',
    server: { name: 'DGX A100', unitCost: '{price: server/dgx-a100}', note: null, power: '{price: power/dgx-a100}' },
  },
  {
    id: 'l40s',
    label: 'NVIDIA L40S',
    rates: /l40s|g6e\./i,
    cloudDefault: 'aws/g6e.48xlarge/on-demand',
    reservedDefault: 'aws/g6e.48xlarge/reserved-1y',
    server: null,
  },
  {
    id: 'l4',
    label: 'NVIDIA L4',
    rates: /\bl4\b|g6\.|g2-standard/i,
    cloudDefault: 'aws/g6.48xlarge/on-demand',
    reservedDefault: 'aws/g6.48xlarge/reserved-1y',
    server: null,
  },
  {
    id: 'a10g',
    label: 'NVIDIA A10G / A10',
    rates: /a10\b|a10g|g5\.|a10-v5/i,
    cloudDefault: 'aws/g5.48xlarge/on-demand',
    reservedDefault: 'aws/g5.48xlarge/reserved-1y',
    server: null,
  },
  {
    id: 'mi300x',
    label: 'AMD MI300X',
    rates: /mi300/i,
    cloudDefault: 'azure/nd96isr-mi300x-v5/on-demand',
    reservedDefault: null,
    server: null,
  },
];

export const acceleratorById = (id: string): Accelerator =>
  ACCELERATORS.find((a) => a.id === id) ?? (ACCELERATORS[0] as Accelerator);
