package dev.barrier.runtime.internal.scenario;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.Subset;

import java.util.Arrays;
import java.util.Random;

/**
 * Forgets a seeded random fraction of the training set, drawn uniformly without replacement. The test set is
 * used whole.
 */
final class RandomScenario implements ForgetScenario {

    private final double fraction;
    private final Long seed;

    RandomScenario(double fraction, Long seed) {
        this.fraction = fraction;
        this.seed = seed;
    }

    static RandomScenario fromConfig(ConfigSection section) {
        double fraction = section.getDouble("fraction", Double.NaN);
        if (!(fraction > 0 && fraction < 1)) {
            throw section.error("fraction", Double.isNaN(fraction)
                    ? "random forgetting needs 'fraction', the share of the training set to forget, such as 0.1"
                    : "expected a fraction strictly between 0 and 1, got " + fraction);
        }
        Long seed = section.has("seed") ? section.getLong("seed", 0) : null;
        return new RandomScenario(fraction, seed);
    }

    @Override
    public ForgetSplit split(DatasetSplits data, long runSeed) {
        int n = data.train().size();
        int count = (int) Math.round(fraction * n);
        if (count == 0 || count == n) {
            throw new IllegalArgumentException("forgetting " + ForgetScenario.percent(fraction) + " of " + n
                    + " training images leaves " + (count == 0 ? "nothing to forget" : "nothing to retain"));
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed != null ? seed : runSeed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] forget = Arrays.copyOf(order, count);
        Arrays.sort(forget);
        boolean[] inForget = new boolean[n];
        for (int i : forget) {
            inForget[i] = true;
        }
        int[] retain = java.util.stream.IntStream.range(0, n).filter(i -> !inForget[i]).toArray();
        Subset test = Subset.all("test", data.test());
        return new ForgetSplit("random " + ForgetScenario.percent(fraction) + " (" + count + " images)",
                new Subset("forget", data.train(), forget), new Subset("retain", data.train(), retain), test,
                new Subset("test-forget", data.test(), new int[0]), new int[0]);
    }

    @Override
    public String describe() {
        return "random " + ForgetScenario.percent(fraction);
    }
}
