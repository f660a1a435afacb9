package dev.barrier.runtime.internal.scenario;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Forgets whole classes: every training image of those classes is in the forget set, and the test set used
 * for test accuracy leaves them out.
 */
final class ClassScenario implements ForgetScenario {

    private final int[] classes;
    private final ConfigSection section;

    private ClassScenario(int[] classes, ConfigSection section) {
        this.classes = classes.clone();
        this.section = section;
    }

    static ClassScenario fromConfig(ConfigSection section) {
        List<Integer> classes = section.getIntList("classes", null);
        if (classes == null || classes.isEmpty()) {
            // A misspelt 'classes' is the usual cause, so the keys nothing read are reported with it.
            List<ConfigProblem> problems = new ArrayList<>();
            problems.add(section.problem("classes", "class-wise forgetting needs 'classes', a list of class indices"
                    + " such as [0]"));
            problems.addAll(section.unreadKeys());
            throw new ConfigurationException(problems);
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw section.error("classes", "class indices must be distinct, got " + classes);
        }
        for (int c : classes) {
            if (c < 0) {
                throw section.error("classes", "class indices start at 0, got " + c);
            }
        }
        return new ClassScenario(classes.stream().mapToInt(Integer::intValue).sorted().toArray(), section);
    }

    @Override
    public void checkClassCount(int classCount) {
        for (int c : classes) {
            if (c >= classCount) {
                throw section.error("classes", "class " + c + " does not exist; the dataset has " + classCount
                        + " classes, 0 to " + (classCount - 1));
            }
        }
        if (classes.length == classCount) {
            throw section.error("classes", "forgetting all " + classCount + " classes leaves nothing to retain");
        }
    }

    @Override
    public ForgetSplit split(DatasetSplits data, long seed) {
        ImageDataset train = data.train();
        for (int c : classes) {
            if (c >= train.numClasses()) {
                throw new IllegalArgumentException("forget class " + c + " does not exist; " + train.name() + " has "
                        + train.numClasses() + " classes, 0 to " + (train.numClasses() - 1));
            }
        }
        if (classes.length == train.numClasses()) {
            throw new IllegalArgumentException("forgetting all " + classes.length + " classes leaves nothing to retain");
        }
        boolean[] forgotten = new boolean[train.numClasses()];
        for (int c : classes) {
            forgotten[c] = true;
        }
        Subset forget = select("forget", train, forgotten, true);
        Subset retain = select("retain", train, forgotten, false);
        Subset test = select("test", data.test(), forgotten, false);
        Subset testForget = select("test-forget", data.test(), forgotten, true);
        String names = Arrays.stream(classes).mapToObj(c -> c + " (" + train.classNames().get(c) + ")")
                .collect(Collectors.joining(", "));
        return new ForgetSplit("class " + names, forget, retain, test, testForget, classes.clone());
    }

    private static Subset select(String name, ImageDataset dataset, boolean[] forgotten, boolean wanted) {
        int[] indices = java.util.stream.IntStream.range(0, dataset.size())
                .filter(i -> forgotten[dataset.label(i)] == wanted).toArray();
        return new Subset(name, dataset, indices);
    }

    @Override
    public String describe() {
        return "class " + Arrays.toString(classes);
    }
}
