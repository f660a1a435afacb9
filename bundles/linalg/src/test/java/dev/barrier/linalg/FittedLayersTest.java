package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FittedLayersTest {

    private static double[] random(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
        }
        return values;
    }

    private static FittedLayers.Entry entry(String layer, int group, int d, int k, boolean residual, Random random) {
        double[][] basis = new double[k][];
        for (int i = 0; i < k; i++) {
            basis[i] = random(random, d);
        }
        Projection projection = new Projection(layer, "svd", 12345, random(random, d), basis, random(random, k),
                random(random, residual ? d - k : 0), residual ? random(random, d * d) : null, residual ? d - k : 0,
                !residual);
        double[] a = random(random, k);
        double[] b = a.clone();
        double[] low = a.clone();
        double[] high = a.clone();
        for (int i = 0; i < k; i++) {
            b[i] = a[i] + Math.abs(random.nextGaussian());
            low[i] = a[i] - 20;
            high[i] = b[i] + 20;
        }
        return new FittedLayers.Entry(layer, group, projection, new IntervalRegion(layer, a, b, low, high,
                group == 0 ? RegionMode.COMPLEMENT : RegionMode.CORNER));
    }

    @Test
    void saveAndLoadRoundTripExactly(@TempDir Path folder) throws IOException {
        Random random = new Random(11);
        List<FittedLayers.Entry> entries = List.of(entry("conv2", 0, 9, 3, true, random),
                entry("conv2", 1, 9, 3, true, random), entry("head", 0, 5, 5, false, random));
        Path file = folder.resolve("fit.bin");
        FittedLayers.save(entries, file);
        List<FittedLayers.Entry> loaded = FittedLayers.load(file);

        assertEquals(entries.size(), loaded.size());
        for (int i = 0; i < entries.size(); i++) {
            Projection expected = entries.get(i).projection();
            Projection actual = loaded.get(i).projection();
            assertEquals(entries.get(i).layer(), loaded.get(i).layer());
            assertEquals(entries.get(i).group(), loaded.get(i).group());
            assertEquals(expected.rowCount(), actual.rowCount());
            assertArrayEquals(expected.mean(), actual.mean(), 0);
            assertTrue(Arrays.deepEquals(expected.forgetBasis(), actual.forgetBasis()));
            assertArrayEquals(expected.forgetSingularValues(), actual.forgetSingularValues(), 0);
            assertArrayEquals(expected.residualSingularValues(), actual.residualSingularValues(), 0);
            assertEquals(expected.residualRank(), actual.residualRank());
            assertEquals(expected.identity(), actual.identity());
            if (expected.residualGram() == null) {
                assertNull(actual.residualGram());
            } else {
                assertArrayEquals(expected.residualGram(), actual.residualGram(), 0);
            }
            IntervalRegion region = loaded.get(i).region();
            assertArrayEquals(entries.get(i).region().forgetLow(), region.forgetLow(), 0);
            assertArrayEquals(entries.get(i).region().outerHigh(), region.outerHigh(), 0);
            assertEquals(entries.get(i).region().mode(), region.mode());
        }
    }

    @Test
    void foreignOrTruncatedFilesAreRejected(@TempDir Path folder) throws IOException {
        Path junk = folder.resolve("junk.bin");
        Files.writeString(junk, "not statistics at all");
        IOException wrong = assertThrows(IOException.class, () -> FittedLayers.load(junk));
        assertTrue(wrong.getMessage().contains("not a file of fitted statistics"), wrong.getMessage());

        Path file = folder.resolve("fit.bin");
        FittedLayers.save(List.of(entry("head", 0, 5, 2, true, new Random(1))), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        IOException truncated = assertThrows(IOException.class, () -> FittedLayers.load(file));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }
}
