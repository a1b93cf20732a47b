package io.heavyingest.optimize;

import java.util.SplittableRandom;

/** Draws indices with probability proportional to changeable weights in O(log n) (a Fenwick tree of sums). */
final class FenwickSampler {
    private final double[] tree;
    private final double[] weights;
    private final int n;
    private final int topBit;

    FenwickSampler(int n) {
        this.n = n;
        this.tree = new double[n + 1];
        this.weights = new double[n];
        this.topBit = Integer.highestOneBit(Math.max(1, n));
    }

    /** Replaces every weight in O(n). */
    void build(double[] w) {
        System.arraycopy(w, 0, weights, 0, n);
        for (int i = 1; i <= n; i++) {
            tree[i] = w[i - 1];
        }
        for (int i = 1; i <= n; i++) {
            int parent = i + (i & -i);
            if (parent <= n) {
                tree[parent] += tree[i];
            }
        }
    }

    void set(int index, double weight) {
        double delta = weight - weights[index];
        weights[index] = weight;
        for (int i = index + 1; i <= n; i += i & -i) {
            tree[i] += delta;
        }
    }

    double total() {
        double sum = 0;
        for (int i = n; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** An index drawn with probability weight / total. */
    int draw(SplittableRandom random) {
        double target = random.nextDouble() * total();
        int pos = 0;
        for (int step = topBit; step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= n && tree[next] <= target) {
                pos = next;
                target -= tree[next];
            }
        }
        return Math.min(pos, n - 1);
    }
}
