package dev.barrier.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigProblem;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.runtime.internal.config.YamlConfigReader;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PipelineParserTest {

    private static final String VALID = """
            name: demo
            seed: 3
            dataset: {provider: generated, size: 50}
            forget: {scenario: class, classes: [0]}
            model: tiny
            methods:
              - retrain
              - method: protect
                targets: [head]
                lambda: 10
            evaluators: [accuracy]
            """;

    private static PipelineDefinition parse(String yaml) {
        return new PipelineParser(TestPlugins.directory())
                .parse(new YamlConfigReader().read(new StringReader(yaml), "demo.yaml"), Path.of("demo.yaml"));
    }

    private static List<ConfigProblem> problems(String yaml) {
        return assertThrows(ConfigurationException.class, () -> parse(yaml)).problems();
    }

    @Test
    void validPipelineComposesEveryPart() {
        PipelineDefinition pipeline = parse(VALID);
        assertEquals("demo", pipeline.name());
        assertEquals(3, pipeline.seed());
        assertEquals(List.of("retrain", "protect"), pipeline.methods().stream().map(m -> m.id()).toList());
        assertEquals(1, pipeline.evaluators().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> dataset = (Map<String, Object>) pipeline.root().resolved().get("dataset");
        assertEquals(50, dataset.get("size"), "the effective configuration records what plug-ins read");
    }

    @Test
    void unknownPluginIsQuotedWithTheAvailableNames() {
        List<ConfigProblem> problems = problems(VALID.replace("- retrain", "- retrian"));
        assertEquals(1, problems.size());
        ConfigProblem problem = problems.get(0);
        assertEquals("methods[0].method", problem.path());
        assertEquals(7, problem.location().line());
        assertTrue(problem.message().contains("unknown method plug-in 'retrian'; available: protect, retrain"),
                problem.message());
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        String yaml = VALID.replace("size: 50", "size: many").replace("lambda: 10", "lamda: 10")
                .replace("model: tiny", "model: huge");
        List<ConfigProblem> problems = problems(yaml);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("dataset.size")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("model.adapter")
                && p.message().contains("available: tiny")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("methods[1].lamda")
                && p.message().startsWith("unknown key 'lamda'")), problems.toString());
    }

    @Test
    void failedSectionReportsNoUnreadKeys() {
        List<ConfigProblem> wrongType = problems(VALID.replace("targets: [head]", "targets: {layer: head}"));
        assertEquals(1, wrongType.size(), wrongType.toString());
        assertEquals("methods[1].targets", wrongType.get(0).path());

        List<ConfigProblem> unknownPlugin = problems(VALID.replace("- method: protect", "- method: protekt"));
        assertEquals(1, unknownPlugin.size(), unknownPlugin.toString());
        assertEquals("methods[1].method", unknownPlugin.get(0).path());

        List<ConfigProblem> unknownScenario = problems(VALID.replace("scenario: class", "scenario: klass"));
        assertEquals(1, unknownScenario.size(), unknownScenario.toString());
        assertEquals("forget.scenario", unknownScenario.get(0).path());
    }

    @Test
    void everyWrongValueOfOneSectionIsListed() {
        List<ConfigProblem> problems = problems(VALID.replace("lambda: 10", "lambda: -5\n    label: [x]")
                .replace("seed: 3", "seed: soon"));

        assertEquals(List.of("seed", "methods[1].lambda", "methods[1].label"),
                problems.stream().map(ConfigProblem::path).toList(), problems.toString());
    }

    @Test
    void misspeltClassesIsSuggested() {
        List<ConfigProblem> problems = problems(VALID.replace("classes: [0]", "clases: [0]"));

        assertEquals(2, problems.size(), problems.toString());
        assertEquals("forget.classes", problems.get(0).path());
        assertEquals("forget.clases", problems.get(1).path());
        assertTrue(problems.get(1).message().contains("did you mean 'classes'?"), problems.toString());
    }

    @Test
    void targetLayerThatDoesNotExistListsTheLayers() {
        List<ConfigProblem> problems = problems(VALID.replace("targets: [head]", "targets: [fc9]"));
        assertEquals(1, problems.size());
        assertEquals("methods[1].targets", problems.get(0).path());
        assertTrue(problems.get(0).message().contains("layers: conv1, head"), problems.get(0).message());
    }

    @Test
    void duplicateMethodIdsAreRejected() {
        List<ConfigProblem> problems = problems(VALID.replace("- method: protect", "- method: protect\n    id: retrain"));
        assertEquals(1, problems.size(), "the entry's other keys are not unknown: " + problems);
        assertTrue(problems.get(0).message().contains("method id 'retrain' is used twice"), problems.toString());
    }

    @Test
    void sharedLabelsGetTheirIds() {
        PipelineDefinition pipeline = parse(VALID.replace("    lambda: 10\n", """
                    lambda: 10
                  - method: protect
                    id: strong
                    targets: [head]
                    lambda: 100
                """));
        List<String> labels = pipeline.methods().stream().map(pipeline::displayLabel).toList();
        assertEquals(List.of("Retrain", "Protect [protect]", "Protect [strong]"), labels);
    }

    @Test
    void pipelineNeedsMethodsAndAName() {
        List<ConfigProblem> problems = problems("""
                dataset: generated
                forget: {scenario: class, classes: [0]}
                model: tiny
                methods: []
                """);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("missing required key 'name'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("at least one entry under 'methods'")),
                problems.toString());
    }

    @Test
    void nameMustBeUsableAsAFolderName() {
        List<ConfigProblem> problems = problems(VALID.replace("name: demo", "name: ../escape"));
        assertTrue(problems.get(0).message().contains("letters, digits"), problems.toString());
    }
}
