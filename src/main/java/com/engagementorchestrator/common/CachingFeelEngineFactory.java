package com.engagementorchestrator.common;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/** Makes the DMN engine's {@link CachingFeelEngine}. */
class CachingFeelEngineFactory implements FeelEngineFactory {

    /** Far above the cells of all our decisions together; only an unbounded stream of new texts would reach it. */
    static final long MAXIMUM_SIZE = 10_000;

    // Read when the DMN engine is built: the engine configuration hands its function providers over only then.
    private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

    CachingFeelEngineFactory(Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
        this.functionProviders = functionProviders;
    }

    @Override
    public FeelEngine createInstance() {
        return new CachingFeelEngine(functionProviders.get(), MAXIMUM_SIZE);
    }
}
