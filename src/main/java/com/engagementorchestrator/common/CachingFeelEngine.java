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
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

/**
 * Camunda's FEEL engine, but each expression and unary test is parsed once, not on every evaluation (the open
 * feel-scala issue #1149): parsing was most of a registration's time. Everything else is Camunda's own
 * {@link ScalaFeelEngine}: the same feel-scala engine (value mappers with Spin, function providers, no external
 * functions), the same {@code inputVariableName} for unary tests, the same evaluation and error messages. A parse
 * failure is not kept, so a bad expression fails the same way every time.
 * <p>
 * Evaluation also skips what feel-scala's {@code FeelEngine.evaluate} repeats on every call although it never changes:
 * it validates the already validated parsed expression again and builds its root context anew, including every
 * built-in function ({@code new BuiltinFunctions(clock, valueMapper)}), which after the parse cache was a third of a
 * registration's CPU time (JFR, issue 13). The built-in functions and the engine's function providers are built once
 * here; each evaluation still gets its own context (its own failure collector), evaluated by feel-scala's interpreter
 * with the engine's value mapper, and its result or failure is turned into the same answer or message as
 * {@code FeelEngine.evaluate} gives.
 */
class CachingFeelEngine extends ScalaFeelEngine {

    private final Cache<String, ParsedExpression> expressions;
    private final Cache<String, ParsedExpression> unaryTests;
    private final AtomicLong parses = new AtomicLong();
    private final FeelInterpreter interpreter;
    /** What feel-scala's root context offers: the built-in functions first, then the engine's own providers. */
    private final FunctionProvider functions;

    CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders, long maximumSize) {
        super(functionProviders);
        this.expressions = Caffeine.newBuilder().maximumSize(maximumSize).build();
        this.unaryTests = Caffeine.newBuilder().maximumSize(maximumSize).build();
        this.interpreter = new FeelInterpreter(feelEngine.valueMapper());
        this.functions = new CompositeFunctionProvider(toScalaList(
                new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
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
        return (T) valueOf(evaluate(parsed, context));
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
        return BoxesRunTime.unboxToBoolean(valueOf(evaluate(parsed, context)));
    }

    /**
     * feel-scala's {@code FeelEngine.evaluate(parsed, context)} (1.19) without its per-call validation and root context:
     * the same interpreter call on a fresh context with the shared functions, the same failures and messages.
     */
    private Either<Failure, Object> evaluate(ParsedExpression parsed, Context context) {
        try {
            EvalContext evalContext = EvalContext.create(feelEngine.valueMapper(), functions).merge(context);
            Val result = interpreter.eval(parsed.expression(), evalContext);
            var failures = evalContext.failureCollector().failures().iterator();
            while (failures.hasNext()) {
                EvaluationFailure failure = failures.next();
                if (EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType())) {
                    return new Left<>(new Failure("Assertion failure on evaluate the expression '" + parsed.text() + "': "
                            + failure.failureMessage()));
                }
            }
            if (result instanceof ValError error) {
                return new Left<>(new Failure("failed to evaluate expression '" + parsed.text() + "': " + error.error()));
            }
            if (result instanceof ValFatalError error) {
                return new Left<>(new Failure("failed to evaluate expression '" + parsed.text() + "': " + error.error()));
            }
            return new Right<>(feelEngine.valueMapper().unpackVal(result));
        } catch (RuntimeException e) {
            return new Left<>(new Failure("failed to evaluate expression '" + parsed.text() + "' : " + e));
        }
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
