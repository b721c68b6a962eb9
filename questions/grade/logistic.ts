/**
 * Logistic regression fitted by Newton's method with an L2 penalty, on standardised features,
 * with sample weights and soft targets (a point half made is a target of 0.5). Small enough to
 * read in full; the scorer only needs `predictLogistic` and the fitted JSON.
 */

export type LogisticModel = {
  features: readonly string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
};

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predictLogistic(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) {
    z += model.weights[i]! * ((x[i]! - model.mean[i]!) / model.scale[i]!);
  }
  return sigmoid(z);
}

/** Solves A x = b for a small symmetric positive-definite A (Cholesky). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

export function fitLogistic(
  features: readonly string[],
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  options: { sampleWeights?: readonly number[]; l2?: number; iterations?: number } = {},
): LogisticModel {
  const n = rows.length;
  const d = features.length;
  const sampleWeights = options.sampleWeights ?? rows.map(() => 1);
  const totalWeight = sampleWeights.reduce((a, b) => a + b, 0);
  const mean = features.map(
    (_, j) => rows.reduce((s, r, i) => s + sampleWeights[i]! * r[j]!, 0) / totalWeight,
  );
  const scale = features.map((_, j) => {
    const variance =
      rows.reduce((s, r, i) => s + sampleWeights[i]! * (r[j]! - mean[j]!) ** 2, 0) / totalWeight;
    return Math.sqrt(variance) || 1;
  });
  const x = rows.map((r) => [1, ...r.map((v, j) => (v - mean[j]!) / scale[j]!)]);
  const l2 = options.l2 ?? 1;
  let beta = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 25); iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      let z = 0;
      for (let j = 0; j <= d; j++) z += beta[j]! * xi[j]!;
      const p = sigmoid(z);
      const w = sampleWeights[i]!;
      const r = w * (p - targets[i]!);
      const h = w * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        gradient[j]! += r * xi[j]!;
        const hj = h * xi[j]!;
        const row = hessian[j]!;
        for (let k = 0; k <= j; k++) row[k]! += hj * xi[k]!;
      }
    }
    for (let j = 0; j <= d; j++) {
      for (let k = 0; k < j; k++) hessian[k]![j] = hessian[j]![k]!;
      if (j > 0) {
        gradient[j]! += l2 * beta[j]!;
        hessian[j]![j]! += l2;
      }
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { features, mean, scale, weights: beta.slice(1), bias: beta[0]! };
}
