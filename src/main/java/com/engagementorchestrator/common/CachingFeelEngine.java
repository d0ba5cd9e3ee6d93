package com.engagementorchestrator.common;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, but each expression and unary test is parsed once, not on every evaluation (the open
 * feel-scala issue #1149): parsing was most of a registration's time. Everything else is Camunda's own
 * {@link ScalaFeelEngine}: the same feel-scala engine (value mappers with Spin, function providers, no external
 * functions), the same {@code inputVariableName} for unary tests, the same evaluation and error messages. A parse
 * failure is not kept, so a bad expression fails the same way every time.
 */
class CachingFeelEngine extends ScalaFeelEngine {

    private final Cache<String, ParsedExpression> expressions;
    private final Cache<String, ParsedExpression> unaryTests;
    private final AtomicLong parses = new AtomicLong();

    CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders, long maximumSize) {
        super(functionProviders);
        this.expressions = Caffeine.newBuilder().maximumSize(maximumSize).build();
        this.unaryTests = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) valueOf(feelEngine.eval(parsed, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new CompositeVariableProvider(toScalaList(input, variables));
            }
        };
        return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
    }

    /** How many times an expression or unary test was parsed (tests see the cache work). */
    long parses() {
        return parses.get();
    }

    private ParsedExpression parsed(Cache<String, ParsedExpression> cache, String text,
            Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression cached = cache.getIfPresent(text);
        if (cached != null) {
            return cached;
        }
        parses.incrementAndGet();
        ParsedExpression parsed = valueOf(parser.apply(text));
        cache.put(text, parsed);
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static <V> V valueOf(Either<Failure, ?> either) {
        if (either instanceof Right<?, ?> right) {
            return (V) right.value();
        }
        // Camunda's own exception and message, as ScalaFeelEngine throws them.
        throw LOGGER.evaluationException(((Failure) ((Left<?, ?>) either).value()).message());
    }
}
