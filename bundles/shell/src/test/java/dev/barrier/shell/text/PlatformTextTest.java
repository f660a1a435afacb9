package dev.barrier.shell.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlatformTextTest {

    private static RunRecord run(String id) {
        return new RunRecord(id, "demo", Path.of("var/runs", id), RunStatus.SUCCEEDED, Instant.EPOCH, Instant.EPOCH, "");
    }

    private static final List<RunRecord> RUNS = List.of(run("20261205-0130-demo"), run("20261205-0120-demo"),
            run("20261204-2300-demo"));

    @Test
    void sharedPrefixListsMatchingRuns() {
        String message = PlatformText.unresolvedRun("20261205", RUNS);

        assertEquals("'20261205' matches 2 runs (20261205-0130-demo, 20261205-0120-demo); type more of the id",
                message);
    }

    @Test
    void unknownReferenceListsRecentRuns() {
        String message = PlatformText.unresolvedRun("nosuchrun", RUNS);

        assertTrue(message.startsWith("No run matches 'nosuchrun'"), message);
        assertTrue(message.endsWith("recent runs: 20261205-0130-demo, 20261205-0120-demo, 20261204-2300-demo"),
                message);
        assertTrue(PlatformText.unresolvedRun("x", List.of()).endsWith("there are no runs yet"));
    }

    @Test
    void statusDetailSkipsRepeatedStatus() {
        RunRecord cancelled = new RunRecord("r", "demo", Path.of("r"), RunStatus.CANCELLED, Instant.EPOCH, null,
                "cancelled");
        RunRecord failed = new RunRecord("r", "demo", Path.of("r"), RunStatus.FAILED, Instant.EPOCH, null,
                "no such folder");

        assertEquals("", PlatformText.statusDetail(cancelled));
        assertEquals(": no such folder", PlatformText.statusDetail(failed));
    }

    @Test
    void statusPhraseReadsAfterTheId() {
        assertEquals("failed", PlatformText.statusPhrase(RunStatus.FAILED));
        assertEquals("was cancelled", PlatformText.statusPhrase(RunStatus.CANCELLED));
        assertEquals("is running", PlatformText.statusPhrase(RunStatus.RUNNING));
    }
}
