package dev.barrier.runtime.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgetScenarioTest {

    /** 100 training and 30 test images of 1x2x2 pixels, labels cycling through 3 classes. */
    private static DatasetSplits data() {
        return new DatasetSplits(dataset("train", 100), dataset("test", 30), "generated");
    }

    private static ImageDataset dataset(String name, int n) {
        int[] labels = IntStream.range(0, n).map(i -> i % 3).toArray();
        return new ImageDataset(name, new byte[n * 4], labels, 1, 2, 2, List.of("a", "b", "c"));
    }

    private static ForgetScenario scenario(Map<String, ?> values) {
        return ForgetScenario.fromConfig(ConfigSection.of(values, "test"));
    }

    @Test
    void classScenarioSplitsByLabel() {
        ForgetSplit split = scenario(Map.of("scenario", "class", "classes", List.of(1))).split(data(), 0);
        assertEquals(33, split.forget().size());
        assertEquals(67, split.retain().size());
        assertEquals(20, split.test().size());
        assertEquals(10, split.testForget().size());
        assertTrue(Arrays.stream(split.forget().indices()).allMatch(i -> i % 3 == 1));
        assertTrue(Arrays.stream(split.test().indices()).noneMatch(i -> i % 3 == 1));
        assertArrayEquals(new int[] {1}, split.forgottenClasses());
        assertEquals("class 1 (b)", split.scenario());
    }

    @Test
    void classOutsideTheDatasetIsRejected() {
        ForgetScenario scenario = scenario(Map.of("scenario", "class", "classes", List.of(5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scenario.split(data(), 0));
        assertTrue(e.getMessage().contains("class 5 does not exist") && e.getMessage().contains("0 to 2"), e.getMessage());
    }

    @Test
    void randomScenarioIsSeededAndSized() {
        ForgetScenario scenario = scenario(Map.of("scenario", "random", "fraction", 0.1));
        ForgetSplit first = scenario.split(data(), 42);
        ForgetSplit again = scenario.split(data(), 42);
        ForgetSplit other = scenario.split(data(), 43);
        assertEquals(10, first.forget().size());
        assertEquals(90, first.retain().size());
        assertArrayEquals(first.forget().indices(), again.forget().indices());
        assertTrue(!Arrays.equals(first.forget().indices(), other.forget().indices()));
        assertEquals(30, first.test().size());
        int[] all = IntStream.concat(Arrays.stream(first.forget().indices()), Arrays.stream(first.retain().indices()))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all, "forget and retain partition the training set");
    }

    @Test
    void randomFractionMustBeInsideZeroAndOne() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> scenario(Map.of("scenario", "random", "fraction", 1.5)));
        assertTrue(e.getMessage().contains("strictly between 0 and 1, got 1.5"), e.getMessage());
    }

    @Test
    void indexFileListsTheForgetSet(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("delete.txt");
        Files.writeString(file, "# deletion requests\n7\n3\n\n3\n99\n");
        ForgetSplit split = scenario(Map.of("scenario", "indices", "file", file.toString())).split(data(), 0);
        assertArrayEquals(new int[] {3, 7, 99}, split.forget().indices());
        assertEquals(97, split.retain().size());
    }

    @Test
    void indexFileErrorsNameTheLine(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("delete.txt");
        Map<String, String> section = Map.of("scenario", "indices", "file", file.toString());
        Files.writeString(file, "1\n2\nabc\n");
        ConfigurationException syntax = assertThrows(ConfigurationException.class, () -> scenario(section));
        assertTrue(syntax.getMessage().contains("delete.txt:3: expected one sample index per line"), syntax.getMessage());
        assertTrue(syntax.getMessage().contains("got 'abc'"), syntax.getMessage());

        Files.writeString(file, "4\n-2\n5\nx\n");
        ConfigurationException twoBad = assertThrows(ConfigurationException.class, () -> scenario(section));
        assertEquals(2, twoBad.problems().size(), twoBad.getMessage());
        assertTrue(twoBad.problems().get(0).message().contains("delete.txt:2:"), twoBad.getMessage());
        assertTrue(twoBad.problems().get(1).message().contains("delete.txt:4:"), twoBad.getMessage());

        Files.writeString(file, "# nothing yet\n");
        ConfigurationException empty = assertThrows(ConfigurationException.class, () -> scenario(section));
        assertTrue(empty.getMessage().contains("lists no sample indices"), empty.getMessage());

        Files.writeString(file, "100\n");
        ForgetScenario outside = scenario(section);
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> outside.split(data(), 0));
        assertTrue(range.getMessage().contains("index 100 is outside the training set, which has indices 0 to 99"),
                range.getMessage());
    }

    @Test
    void classCountIsCheckedBeforeTheData() {
        ForgetScenario outside = scenario(Map.of("scenario", "class", "classes", List.of(12)));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> outside.checkClassCount(10));
        assertTrue(e.getMessage().contains("classes: class 12 does not exist; the dataset has 10 classes, 0 to 9"),
                e.getMessage());

        ForgetScenario all = scenario(Map.of("scenario", "class", "classes", List.of(0, 1, 2)));
        assertThrows(ConfigurationException.class, () -> all.checkClassCount(3));
        scenario(Map.of("scenario", "class", "classes", List.of(9))).checkClassCount(10);
        scenario(Map.of("scenario", "random", "fraction", 0.1)).checkClassCount(1);
    }

    @Test
    void missingIndexFileIsAConfigurationError(@TempDir Path folder) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> scenario(Map.of("scenario", "indices", "file", folder.resolve("none.txt").toString())));
        assertTrue(e.getMessage().contains("index file not found"), e.getMessage());
    }

    @Test
    void unknownScenarioListsTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> scenario(Map.of("scenario", "class-wise")));
        assertTrue(e.getMessage().contains("expected one of class, random, indices"), e.getMessage());
    }
}
