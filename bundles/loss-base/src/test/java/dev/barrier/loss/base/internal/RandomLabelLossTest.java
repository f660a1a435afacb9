package dev.barrier.loss.base.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RandomLabelLossTest {

    private static final RandomLabelConfiguration DEFAULTS = new RandomLabelConfiguration() {
        @Override
        public Class<? extends java.lang.annotation.Annotation> annotationType() {
            return RandomLabelConfiguration.class;
        }

        @Override
        public String labels() {
            return "other";
        }

        @Override
        public int targetClass() {
            return -1;
        }
    };

    @Test
    void otherLabelsNeverRepeatTheTrueClass() {
        long[] labels = new long[10_000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        long[] drawn = RandomLabelLoss.randomLabels(labels, 10, false, new Random(3));
        int[] counts = new int[10];
        for (int i = 0; i < labels.length; i++) {
            assertNotEquals(labels[i], drawn[i], "sample " + i);
            counts[(int) drawn[i]]++;
        }
        for (int c = 0; c < 10; c++) {
            // Each class is drawn for 9 of 10 true classes, 1/9 of the time: 1,000 expected; 4.5 sigma is 140.
            assertEquals(1000, counts[c], 140, "class " + c);
        }
    }

    @Test
    void allLabelsIncludeTheTrueClass() {
        long[] labels = new long[9_000];
        long[] drawn = RandomLabelLoss.randomLabels(labels, 3, true, new Random(5));
        int same = 0;
        for (long label : drawn) {
            assertTrue(label >= 0 && label < 3);
            same += label == 0 ? 1 : 0;
        }
        // A third are expected to equal the true class 0: 3,000 with a standard deviation of 45.
        assertEquals(3000, same, 200);
    }

    @Test
    void oneClassIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomLabelLoss.randomLabels(new long[] {0}, 1, false, new Random(1)));
        assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
    }

    @Test
    void factoryReadsAndChecksItsKeys() {
        RandomLabelFactory factory = new RandomLabelFactory(DEFAULTS);
        ConfigSection all = ConfigSection.of(Map.of("loss", "rl", "labels", "all", "targetClass", 4), "test");
        assertEquals("rl", factory.create(all, null).name());
        assertEquals("all", all.resolved().get("labels"));
        assertEquals(4, all.resolved().get("targetClass"));

        ConfigSection bad = ConfigSection.of(Map.of("labels", "some"), "test");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> factory.create(bad, null));
        assertTrue(e.getMessage().contains("expected one of other, all"), e.getMessage());
    }
}
