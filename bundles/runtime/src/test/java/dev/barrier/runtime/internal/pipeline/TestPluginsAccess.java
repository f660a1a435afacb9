package dev.barrier.runtime.internal.pipeline;

import dev.barrier.api.model.ModelAdapter;

/** Gives tests in other packages the small plug-ins of {@link TestPlugins}. */
public final class TestPluginsAccess {

    /** Returns an adapter that only describes itself. */
    public ModelAdapter tinyAdapter() {
        return new TestPlugins.TinyAdapter();
    }
}
