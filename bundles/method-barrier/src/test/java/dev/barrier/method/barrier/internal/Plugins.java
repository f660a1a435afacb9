package dev.barrier.method.barrier.internal;

import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.extractor.conv.channel.internal.ConvChannelExtractorFactory;
import dev.barrier.extractor.conv.patch.internal.ConvPatchExtractorFactory;
import dev.barrier.extractor.linear.internal.LinearExtractorFactory;
import dev.barrier.loss.barrier.internal.BarrierLossConfiguration;
import dev.barrier.loss.barrier.internal.BarrierLossFactory;
import dev.barrier.loss.base.internal.FineTuneFactory;
import dev.barrier.loss.base.internal.GradientAscentFactory;
import dev.barrier.loss.base.internal.RandomLabelConfiguration;
import dev.barrier.loss.base.internal.RandomLabelFactory;
import dev.barrier.model.classifier.internal.SmallCnnConfiguration;
import dev.barrier.model.classifier.internal.SmallCnnFactory;
import dev.barrier.projection.svd.internal.SvdProjectionConfiguration;
import dev.barrier.projection.svd.internal.SvdProjectionFactory;
import dev.barrier.region.interval.internal.IntervalRegionBuilderFactory;
import dev.barrier.region.interval.internal.IntervalRegionConfiguration;
import dev.barrier.runtime.internal.plugin.PluginDirectory;
import dev.barrier.testing.ComponentDefaults;

import java.util.Map;
import java.util.TreeMap;

/** The real plug-ins the BARRIER method is composed of, found by name as the runtime finds them. */
final class Plugins {

    private Plugins() {
    }

    static PluginDirectory directory() {
        Map<PluginKind<?>, Map<String, PluginFactory<?>>> byKind = Map.of(
                PluginKind.MODEL, new TreeMap<>(Map.of("small-cnn",
                        new SmallCnnFactory(ComponentDefaults.of(SmallCnnConfiguration.class)))),
                PluginKind.BASE_LOSS, new TreeMap<>(Map.of("ga", new GradientAscentFactory(), "ft", new FineTuneFactory(),
                        "rl", new RandomLabelFactory(ComponentDefaults.of(RandomLabelConfiguration.class)))),
                PluginKind.EXTRACTOR, new TreeMap<>(Map.of("linear", new LinearExtractorFactory(),
                        "conv-patch", new ConvPatchExtractorFactory(), "conv-channel", new ConvChannelExtractorFactory())),
                PluginKind.PROJECTION, new TreeMap<>(Map.of("svd",
                        new SvdProjectionFactory(ComponentDefaults.of(SvdProjectionConfiguration.class)))),
                PluginKind.REGION, new TreeMap<>(Map.of("interval-hypercube",
                        new IntervalRegionBuilderFactory(ComponentDefaults.of(IntervalRegionConfiguration.class)))),
                PluginKind.PROTECTION_LOSS, new TreeMap<>(Map.of("barrier",
                        new BarrierLossFactory(ComponentDefaults.of(BarrierLossConfiguration.class)))));
        return new PluginDirectory(kind -> byKind.getOrDefault(kind, Map.of()));
    }
}
