package com.engagementorchestrator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's decisions run on {@link CachingFeelEngine}: FEEL parsed once, evaluated as Camunda's own engine does. */
@IntegrationTest
class CachingFeelEngineTest {

    @Autowired ProcessEngine processEngine;
    @Autowired DecisionService decisions;

    private CachingFeelEngine feel() {
        FeelEngine engine = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration().getFeelEngine();
        assertThat(engine).isInstanceOf(CachingFeelEngine.class);
        return (CachingFeelEngine) engine;
    }

    @Test
    void aDeployedDecisionEvaluatedAgainParsesNothing() {
        CachingFeelEngine feel = feel();
        // The point is which cells were parsed, not the answer. Other facts match other rules, whose output cells are
        // parsed when first needed: evaluate each set of facts once, then again.
        List<Runnable> evaluations = List.of(
                () -> assertThat(declineAdvice(null, "a corporate website", true)).isNotEmpty(),
                () -> assertThat(declineAdvice("OTHER", "перевод инструкции", false)).isNotEmpty(),
                () -> assertThat(declineAdvice("DESIGN", "", true)).isNotEmpty());
        evaluations.forEach(Runnable::run);
        long parsesAfterFirst = feel.parses();

        evaluations.forEach(Runnable::run);

        assertThat(feel.parses()).isEqualTo(parsesAfterFirst);
    }

    @Test
    void eachNewTextIsParsedOnceAndEvaluatedWithItsOwnVariables() {
        CachingFeelEngine feel = feel();
        String name = "v" + UUID.randomUUID().toString().replace("-", "");
        String expression = name + " * 2";
        long before = feel.parses();

        Object four = feel.evaluateSimpleExpression(expression, variables(name, 2));
        Object ten = feel.evaluateSimpleExpression(expression, variables(name, 5));

        assertThat(four).isEqualTo(4L);
        assertThat(ten).isEqualTo(10L);
        assertThat(feel.parses()).isEqualTo(before + 1);
    }

    @Test
    void unaryTestsCompareTheCellInputAsCamundaDoes() {
        CachingFeelEngine feel = feel();
        String test = ">= 20, \"" + UUID.randomUUID() + "\"";
        long before = feel.parses();

        // The DMN engine passes the input's variable name; the tests compare that variable's value.
        assertThat(feel.evaluateSimpleUnaryTests(test, "cellInput", variables("cellInput", 25))).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests(test, "cellInput", variables("cellInput", 19))).isFalse();
        assertThat(feel.parses()).isEqualTo(before + 1);
    }

    @Test
    void answersAndErrorsAreThoseOfCamundasOwnEngine() {
        CachingFeelEngine feel = feel();
        ScalaFeelEngine camunda = new ScalaFeelEngine(null);
        VariableContext facts = Variables.createVariables().putValue("cellInput", 4).putValue("flag", 1)
                .putValue("name", "Ива").putValue("nothing", null).asVariableContext();
        for (String expression : List.of("cellInput + flag", "upper case(name)", "nothing", "missing", "name + 1",
                "date(\"2026-13-01\")", "count([1, 2, 3])", "unknown function(1)", "1 +* 2",
                // Built-in functions (kept once, not rebuilt per evaluation), the clock, a failed assertion.
                "string length(name) + abs(-2)", "today() = today()", "now() != null",
                "assert(cellInput, cellInput > 10, \"too small\")", "assert(cellInput, cellInput > 1)")) {
            assertThat(outcome(() -> feel.evaluateSimpleExpression(expression, facts)))
                    .as(expression).isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(expression, facts)));
        }
        for (String unaryTests : List.of("? > 3 and flag = 1", "[1..5]", "\"4\"", "-", "not(4)", "> > 3", "< missing")) {
            assertThat(outcome(() -> feel.evaluateSimpleUnaryTests(unaryTests, "cellInput", facts)))
                    .as(unaryTests).isEqualTo(outcome(() -> camunda.evaluateSimpleUnaryTests(unaryTests, "cellInput", facts)));
        }
    }

    @Test
    void aSyntaxErrorSaysWhatCouldNotBeParsedEveryTime() {
        CachingFeelEngine feel = feel();
        String broken = "score >= >= " + UUID.randomUUID().toString().hashCode();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> feel.evaluateSimpleExpression(broken, variables("score", 1)))
                    .isInstanceOf(FeelException.class)
                    .hasMessageContaining("failed to parse expression")
                    .hasMessageContaining(broken);
        }
        assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("> > 3", "cellInput", variables("cellInput", 1)))
                .isInstanceOf(FeelException.class)
                .hasMessageContaining("> > 3");
    }

    private static String outcome(Supplier<Object> evaluation) {
        try {
            return "value " + evaluation.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private List<Object> declineAdvice(String kindOfWork, String projectText, boolean budgetTooLow) {
        Map<String, Object> facts = new java.util.HashMap<>();
        facts.put("kindOfWork", kindOfWork);
        facts.put("projectText", projectText);
        facts.put("budgetTooLow", budgetTooLow);
        facts.put("deadlineTooShort", false);
        return decisions.evaluateDecisionByKey("decline-advice").variables(facts).evaluate().collectEntries("adviceKey");
    }

    private static VariableContext variables(String name, Object value) {
        return Variables.createVariables().putValue(name, value).asVariableContext();
    }
}
