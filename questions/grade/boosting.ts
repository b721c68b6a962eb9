/**
 * Gradient-boosted regression trees for log loss (Friedman 2001), grown on histograms of
 * quantile bins as LightGBM and XGBoost's "hist" method do: each small tree fits the gradient
 * of the loss the trees before it left. Soft targets (a point half made is 0.5) and sample
 * weights are allowed. The fitted trees are plain JSON; `predictBoosted` walks them.
 */

export type TreeNode =
  | { leaf: number }
  | { feature: number; threshold: number; left: TreeNode; right: TreeNode };

export type BoostedModel = {
  features: readonly string[];
  base: number;
  learningRate: number;
  trees: TreeNode[];
};

export type BoostingOptions = {
  trees?: number;
  depth?: number;
  learningRate?: number;
  /** Least total sample weight in a leaf. */
  minLeafWeight?: number;
  /** L2 penalty on leaf values. */
  l2?: number;
  /** Quantile bins per feature. */
  bins?: number;
  sampleWeights?: readonly number[];
};

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function walk(node: TreeNode, x: readonly number[]): number {
  let current = node;
  while (!('leaf' in current))
    current = x[current.feature]! <= current.threshold ? current.left : current.right;
  return current.leaf;
}

/** Every tree's nodes in flat arrays (a leaf has feature -1), walked without object look-ups. */
type FlatTrees = {
  roots: Int32Array;
  feature: Int32Array;
  value: Float64Array;
  left: Int32Array;
  right: Int32Array;
};

const flattened = new WeakMap<BoostedModel, FlatTrees>();

function flatten(model: BoostedModel): FlatTrees {
  const feature: number[] = [];
  const value: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const add = (node: TreeNode): number => {
    const at = feature.length;
    feature.push(-1);
    value.push(0);
    left.push(-1);
    right.push(-1);
    if ('leaf' in node) {
      value[at] = node.leaf;
    } else {
      feature[at] = node.feature;
      value[at] = node.threshold;
      left[at] = add(node.left);
      right[at] = add(node.right);
    }
    return at;
  };
  const roots = model.trees.map(add);
  return {
    roots: Int32Array.from(roots),
    feature: Int32Array.from(feature),
    value: Float64Array.from(value),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
  };
}

export function predictBoosted(model: BoostedModel, x: readonly number[]): number {
  let flat = flattened.get(model);
  if (!flat) {
    flat = flatten(model);
    flattened.set(model, flat);
  }
  const { roots, feature, value, left, right } = flat;
  let z = 0;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t]!;
    while (feature[node]! >= 0) node = x[feature[node]!]! <= value[node]! ? left[node]! : right[node]!;
    z += value[node]!;
  }
  return sigmoid(model.base + model.learningRate * z);
}

/** Cut points between quantile bins of one feature (distinct values only). */
function binEdges(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    const value = sorted[Math.floor((b * sorted.length) / bins)]!;
    const below = sorted[Math.floor((b * sorted.length) / bins) - 1] ?? value;
    const edge = (value + below) / 2;
    if (value !== below && (edges.length === 0 || edge > edges[edges.length - 1]!)) edges.push(edge);
  }
  return edges;
}

function binOf(edges: number[], value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (value <= edges[middle]!) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function fitBoosted(
  features: readonly string[],
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  options: BoostingOptions = {},
): BoostedModel {
  const n = rows.length;
  const d = features.length;
  const depth = options.depth ?? 3;
  const learningRate = options.learningRate ?? 0.1;
  const minLeafWeight = options.minLeafWeight ?? 20;
  const l2 = options.l2 ?? 1;
  const sampleWeights = options.sampleWeights ?? rows.map(() => 1);
  const totalWeight = sampleWeights.reduce((a, b) => a + b, 0);
  const positive = targets.reduce((s, t, i) => s + sampleWeights[i]! * t, 0) / totalWeight;
  const base = Math.log(Math.max(positive, 1e-6) / Math.max(1 - positive, 1e-6));
  const edges = features.map((_, j) =>
    binEdges(
      rows.map((r) => r[j]!),
      options.bins ?? 64,
    ),
  );
  // Bins row by row (row i's bins at i * d), so one pass over a node's rows fills every
  // feature's histogram.
  const binned = new Uint8Array(n * d);
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) binned[i * d + j] = binOf(edges[j]!, r[j]!);
  });
  const offsets = new Int32Array(d + 1);
  for (let j = 0; j < d; j++) offsets[j + 1] = offsets[j]! + edges[j]!.length + 1;
  const z = new Float64Array(n).fill(base);
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n);
  const trees: TreeNode[] = [];
  const gs = new Float64Array(offsets[d]!);
  const hs = new Float64Array(offsets[d]!);
  const ws = new Float64Array(offsets[d]!);

  const build = (members: Int32Array, level: number): TreeNode => {
    let g = 0;
    let h = 0;
    let w = 0;
    for (let m = 0; m < members.length; m++) {
      const i = members[m]!;
      g += gradient[i]!;
      h += hessian[i]!;
      w += sampleWeights[i]!;
    }
    const leaf = { leaf: -g / (h + l2) };
    if (level >= depth || w < 2 * minLeafWeight) return leaf;
    const parentScore = (g * g) / (h + l2);
    gs.fill(0);
    hs.fill(0);
    ws.fill(0);
    for (let m = 0; m < members.length; m++) {
      const i = members[m]!;
      const gi = gradient[i]!;
      const hi = hessian[i]!;
      const wi = sampleWeights[i]!;
      const row = i * d;
      for (let j = 0; j < d; j++) {
        const at = offsets[j]! + binned[row + j]!;
        gs[at]! += gi;
        hs[at]! += hi;
        ws[at]! += wi;
      }
    }
    let best: { feature: number; bin: number; gain: number } | null = null;
    for (let j = 0; j < d; j++) {
      const count = edges[j]!.length + 1;
      if (count < 2) continue;
      const start = offsets[j]!;
      let gl = 0;
      let hl = 0;
      let wl = 0;
      for (let b = 0; b < count - 1; b++) {
        gl += gs[start + b]!;
        hl += hs[start + b]!;
        wl += ws[start + b]!;
        if (wl < minLeafWeight || w - wl < minLeafWeight) continue;
        const gr = g - gl;
        const hr = h - hl;
        const gain = (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parentScore;
        if (gain > (best?.gain ?? 1e-9)) best = { feature: j, bin: b, gain };
      }
    }
    if (!best) return leaf;
    const { feature, bin } = best;
    const left = members.filter((i) => binned[i * d + feature]! <= bin);
    const right = members.filter((i) => binned[i * d + feature]! > bin);
    return {
      feature,
      threshold: edges[feature]![bin]!,
      left: build(left, level + 1),
      right: build(right, level + 1),
    };
  };

  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < (options.trees ?? 100); t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(z[i]!);
      gradient[i] = sampleWeights[i]! * (p - targets[i]!);
      hessian[i] = sampleWeights[i]! * Math.max(p * (1 - p), 1e-6);
    }
    const tree = build(all, 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) z[i]! += learningRate * walk(tree, rows[i]!);
  }
  return { features, base, learningRate, trees };
}
