package dev.barrier.runtime.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.runtime.RunRecord;
import dev.barrier.api.runtime.RunStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @Test
    void foldersStartedInTheSameSecondGetDistinctIds(@TempDir Path store) throws Exception {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        RunFolder first = RunFolder.create(store, "demo", now);
        RunFolder second = RunFolder.create(store, "demo", now);
        assertNotEquals(first.id(), second.id());
        assertTrue(second.id().endsWith("-demo-2"), second.id());
    }

    @Test
    void statusRoundTrips(@TempDir Path store) throws Exception {
        Instant started = Instant.parse("2026-01-02T03:04:05Z");
        RunFolder folder = RunFolder.create(store, "demo", started);
        folder.writeStatus("demo", RunStatus.FAILED, started, started.plusSeconds(3), "boom", null);
        RunRecord record = folder.read(false);
        assertEquals(RunStatus.FAILED, record.status());
        assertEquals("boom", record.message());
        assertEquals(started.plusSeconds(3), record.finished());
        assertTrue(Files.exists(folder.resolve(RunFolder.STATUS_FILE)));
        assertTrue(!Files.exists(folder.resolve(RunFolder.STATUS_FILE + ".tmp")));
    }

    @Test
    void runningFolderOfAnEndedProcessIsInterrupted(@TempDir Path store) throws Exception {
        Instant started = Instant.now();
        RunFolder folder = RunFolder.create(store, "demo", started);
        // A status written by this process, read as if this process were not running it: its pid is ours,
        // which counts as ended because no run of that id is active here.
        folder.writeStatus("demo", RunStatus.RUNNING, started, null, "", null);
        assertEquals(RunStatus.INTERRUPTED, folder.read(false).status());
        assertEquals(RunStatus.RUNNING, folder.read(true).status());
    }

    @Test
    void folderWithoutStatusCountsAsFailed(@TempDir Path store) throws Exception {
        Path bare = Files.createDirectory(store.resolve("20260101-000000-broken"));
        RunRecord record = RunFolder.open(bare).read(false);
        assertEquals(RunStatus.FAILED, record.status());
        assertTrue(record.message().contains("unreadable status.json"), record.message());
    }
}
